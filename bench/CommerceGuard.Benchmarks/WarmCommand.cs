using System.Diagnostics;
using System.Net;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// Asks a running site for every term page once, as its readers have once it has been up a
/// while, so that the page cache holds them before a benchmark of readers' pages. Pages are
/// asked for compressed, as browsers ask, since the cache keeps one copy per encoding.
/// </summary>
internal static class WarmCommand
{
    /// <param name="site">The site's address, such as http://127.0.0.1:5090.</param>
    /// <param name="termsFile">One term a line, "slug&lt;TAB&gt;title" (bench/glossary-terms.sh's list_terms).</param>
    /// <param name="connections">Requests in flight at once.</param>
    public static async Task<int> RunAsync(string site, string termsFile, int connections)
    {
        var slugs = File.ReadLines(termsFile).Select(line => line.Split('\t')[0]).Where(slug => slug.Length > 0).ToList();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = new Uri(site),
            Timeout = TimeSpan.FromMinutes(2),
        };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(slugs, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (slug, cancellation) =>
        {
            using var response = await client.GetAsync(new Uri($"/glossary/{slug}", UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellation);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failed);
            }
        });
        Console.WriteLine($"pages {slugs.Count} in {clock.Elapsed.TotalSeconds:0} s, {slugs.Count / clock.Elapsed.TotalSeconds:0} a second; not 200: {failed}");
        return failed == 0 ? 0 : 1;
    }
}
