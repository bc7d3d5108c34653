using System.Text.Json;
using Deque.AxeCore.Commons;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// axe-core, the one that ships in Deque's package, run straight in the page. Deque's own
/// <c>RunAxe</c> injects the 500 kB script afresh and sets it up in every frame on each call,
/// which cost about a second and a quarter a check here against less than a tenth for the check
/// itself; over the 140-odd checks of a run that was most of the accessibility lane's time.
/// The pages checked have no frames, so nothing is lost by running axe in the top one only.
/// </summary>
internal static class Axe
{
    /// <summary>WCAG 2.2 at levels A and AA, with the 2.0 and 2.1 rules it takes in.</summary>
    public static readonly string[] Wcag22AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static readonly string Source = new BundledAxeScriptProvider().GetScript();

    /// <summary>What axe finds against the rules of the given tags, one line a problem.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string[] tags, string name = "")
    {
        // Evaluated rather than added as a script tag: the site's policy refuses inline scripts.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source);
        }
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
                .violations.map(found => ({
                    id: found.id,
                    impact: found.impact ?? '',
                    help: found.help,
                    nodes: found.nodes.map(node => ({
                        html: node.html,
                        reasons: [...node.any, ...node.all, ...node.none].map(check => check.message),
                    })),
                }))
            """,
            tags);
        return violations.EnumerateArray().Select(violation => Describe(violation, name)).ToList();
    }

    private static string Describe(JsonElement violation, string name) =>
        $"{name}: {violation.GetProperty("id")} ({violation.GetProperty("impact")}): {violation.GetProperty("help")}\n    " +
        string.Join("\n    ", violation.GetProperty("nodes").EnumerateArray().Select(node =>
            $"{node.GetProperty("html")} — {string.Join("; ", node.GetProperty("reasons").EnumerateArray())}"));
}
