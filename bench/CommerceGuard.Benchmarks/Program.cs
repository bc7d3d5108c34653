using BenchmarkDotNet.Running;
using CommerceGuard.Benchmarks;

// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- search [terms]  search at scale
if (args.Length > 0 && args[0] == "search")
{
    await SearchBench.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TermRenderingBenchmarks).Assembly).Run(args);
