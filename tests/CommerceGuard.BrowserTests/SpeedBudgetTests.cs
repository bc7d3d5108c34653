using System.Globalization;
using System.IO.Compression;
using Xunit.Abstractions;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// What a reader feels: small pages, little CSS and script, nothing jumping about, and text on
/// screen fast. The figures are written to <c>artifacts/speed-budgets.txt</c> for bench/RESULTS.md.
/// Sizes and layout shift are asserted; first paint is a timing, and timings are not asserted
/// in tests on these shared machines, so it is recorded for RESULTS.md and compared there.
/// </summary>
[Collection(OnTheSite.Name)]
public sealed class SpeedBudgetTests(SiteFixture site, ITestOutputHelper output)
{
    private const int TermHtmlBudget = 30 * 1024;
    private const int CssBudget = 30 * 1024;
    private const int ScriptBudget = 20 * 1024;
    private const double FirstPaintBudgetMs = 1000;

    // Sums every layout shift that the reader did not cause, from the first paint on.
    private const string LayoutShiftWatcher = """
        window.__layoutShift = 0;
        new PerformanceObserver(list => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) window.__layoutShift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        """;

    [Fact]
    public async Task A_term_page_stays_within_its_budgets()
    {
        var page = await site.OpenAsync(ScreenSize.Phone);
        await page.AddInitScriptAsync(LayoutShiftWatcher);
        var response = await page.GotoAsync("/glossary/therapeutic-relationship");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(500);

        var html = await response!.BodyAsync();
        var compressed = GzipLength(html);
        var firstPaint = await page.EvaluateAsync<double>(
            "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
        var layoutShift = await page.EvaluateAsync<double>("() => window.__layoutShift");

        Record($"term page HTML: {html.Length} bytes, {compressed} gzip-compressed (budget {TermHtmlBudget})");
        Record($"term page first contentful paint: {firstPaint:F0} ms (budget {FirstPaintBudgetMs})");
        Record($"term page cumulative layout shift: {layoutShift:F3} (budget 0)");
        Assert.True(compressed < TermHtmlBudget, $"{compressed} bytes compressed");
        Assert.True(firstPaint > 0, "the page never painted");
        Assert.Equal(0, layoutShift);
    }

    [Fact]
    public async Task Public_pages_together_load_little_css_and_script()
    {
        var page = await site.OpenAsync(ScreenSize.Desktop);
        var assets = new List<IResponse>();
        page.Response += (_, response) =>
        {
            // A revalidated file (304) has no body; its first, full download was counted already.
            if (response.Request.ResourceType is "stylesheet" or "script" && response.Status == 200)
            {
                assets.Add(response);
            }
        };

        // Each distinct file counts once, as a browser cache would fetch it once.
        var styles = new Dictionary<string, int>();
        var scripts = new Dictionary<string, int>();
        foreach (var url in new[] { "/", "/glossary", "/glossary/category/finance", "/glossary/junk-fee", "/about", "/donate", "/volunteer" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // A body can only be read before the page navigates away.
            foreach (var response in assets)
            {
                var sizes = response.Request.ResourceType == "stylesheet" ? styles : scripts;
                sizes[response.Url] = (await response.BodyAsync()).Length;
            }
            assets.Clear();
        }
        var css = styles.Values.Sum();
        var js = scripts.Values.Sum();
        Record($"CSS on public pages: {css} bytes in {styles.Count} file(s) (budget {CssBudget})");
        Record($"JavaScript on public pages: {js} bytes in {scripts.Count} file(s) (budget {ScriptBudget})");
        Assert.InRange(css, 1, CssBudget);
        Assert.InRange(js, 1, ScriptBudget);
    }

    private void Record(string line)
    {
        output.WriteLine(line);
        var file = Path.Combine(SiteFixture.ScreenshotFolder, "..", "speed-budgets.txt");
        File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:u} {line}\n"));
    }

    private static int GzipLength(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return (int)buffer.Length;
    }
}
