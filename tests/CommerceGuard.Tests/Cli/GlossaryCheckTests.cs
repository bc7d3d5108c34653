using CommerceGuard.Features.Cli;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Cli;

public sealed class GlossaryCheckTests : IDisposable
{
    private readonly GlossaryApp app = new();

    [Fact]
    public async Task The_starter_glossary_has_no_broken_links_and_no_orphans()
    {
        var (exitCode, output) = await app.RunCommandAsync("glossary", "check");

        Assert.Equal(0, exitCode);
        Assert.Contains("Checked 57 terms (en).", output, StringComparison.Ordinal);
        Assert.Contains("Links to terms that do not exist: 0", output, StringComparison.Ordinal);
        Assert.Contains("Orphans (no other term links to them): 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_links_one_way_pairs_and_orphans_are_reported_and_the_command_fails()
    {
        await app.AddTermAsync("lonely-term", "Lonely Term", term =>
        {
            term.RelatedSlugs = ["doctor", "no-such-term"];
            term.Definition = "See [[Astrology Fee]] and [this](/glossary/missing-page).";
        });

        var (exitCode, output) = await app.RunCommandAsync("glossary", "check");

        Assert.Equal(1, exitCode);
        Assert.Contains("lonely-term -> doctor", output, StringComparison.Ordinal);
        Assert.Contains("  lonely-term\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("lonely-term (related) -> no-such-term", output, StringComparison.Ordinal);
        Assert.Contains("lonely-term (text) -> Astrology Fee", output, StringComparison.Ordinal);
        Assert.Contains("lonely-term (text) -> missing-page", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_refused_with_usage()
    {
        var (exitCode, output) = await app.RunCommandAsync("glossary", "frobnicate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("frobnicate", output, StringComparison.Ordinal);
    }

    public void Dispose() => app.Dispose();
}

public sealed class SearchReindexTests : IDisposable
{
    private readonly GlossaryApp app = new();

    [Fact]
    public async Task Reindexing_asks_every_server_to_rebuild_through_the_change_feed()
    {
        var index = await app.SearchIndexReadyAsync();
        using var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(app.Services, ["search", "reindex"], output);

        Assert.Equal(0, exitCode);
        Assert.Contains("Asked every server to rebuild", output.ToString(), StringComparison.Ordinal);
        var requested = await app.WithDbAsync(db => db.TermChanges.MaxAsync(c => c.Sequence));
        for (var waited = 0; index.Sequence < requested && waited < 50; waited++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(requested, index.Sequence);
        var page = await app.Browser().GetPageAsync("/search?q=premium");
        Assert.Equal("Premium", page.QuerySelector(".search-results a")!.Text());
    }

    public void Dispose() => app.Dispose();
}
