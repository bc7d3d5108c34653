using BenchmarkDotNet.Running;
using CommerceGuard.Benchmarks;

// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- search [terms] [--keep-index folder]  search at scale
if (args.Length > 0 && args[0] == "search")
{
    var keep = Array.IndexOf(args, "--keep-index");
    await SearchBench.RunAsync(
        args.Length > 1 && keep != 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        keep > 0 && keep + 1 < args.Length ? args[keep + 1] : null);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(TermRenderingBenchmarks).Assembly).Run(args);
