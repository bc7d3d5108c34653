using System.Globalization;
using BenchmarkDotNet.Running;
using CommerceGuard.Benchmarks;

// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- --filter '*'                                  BenchmarkDotNet suites
// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- search [terms] [--keep-index folder] [--database file]   search at scale
// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- generate --terms N --seed S --database file [--text-scale 0.5]   a generated glossary for the site
// dotnet run -c Release --project bench/CommerceGuard.Benchmarks -- warm --site URL --terms file [--connections 8]   every term page asked for once
switch (args.FirstOrDefault())
{
    case "search":
        await SearchBench.RunAsync(
            args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var terms) ? terms : 100_000,
            Option("--keep-index"),
            Option("--database"));
        return 0;
    case "generate":
        return await GenerateCommand.RunAsync(
            int.Parse(Option("--terms") ?? "1000", CultureInfo.InvariantCulture),
            int.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture),
            Option("--database") ?? throw new ArgumentException("generate needs --database <file>"),
            double.Parse(Option("--text-scale") ?? "1", CultureInfo.InvariantCulture));
    case "warm":
        return await WarmCommand.RunAsync(
            Option("--site") ?? throw new ArgumentException("warm needs --site <address>"),
            Option("--terms") ?? throw new ArgumentException("warm needs --terms <file>"),
            int.Parse(Option("--connections") ?? "8", CultureInfo.InvariantCulture));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(TermRenderingBenchmarks).Assembly).Run(args);
        return 0;
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
