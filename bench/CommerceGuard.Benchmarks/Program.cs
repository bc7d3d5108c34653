using BenchmarkDotNet.Running;
using CommerceGuard.Benchmarks;

// Run: dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(TermRenderingBenchmarks).Assembly).Run(args);
