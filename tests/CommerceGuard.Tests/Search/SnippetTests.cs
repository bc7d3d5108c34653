using CommerceGuard.Features.Search;

namespace CommerceGuard.Tests.Search;

public sealed class SnippetTests
{
    private static HashSet<string> Stems(string query, string language = "en") => [.. SearchAnalyzers.Words(SearchAnalyzers.Stemmed(language), SearchFields.Definition, query)];

    [Fact]
    public void Searched_words_are_marked_in_any_form_case_or_accent() =>
        Assert.Equal(
            "A <mark>fee</mark> on top of <mark>Fees</mark>, and a <mark>fée</mark>.",
            Snippet.Html("A fee on top of Fees, and a fée.", Stems("fees"), "en"));

    [Fact]
    public void Spanish_words_are_marked_in_any_form_by_spanish_rules() =>
        Assert.Equal(
            "Su <mark>deducible</mark> y sus <mark>deducibles</mark>; la <mark>cobertura</mark> y las <mark>coberturas</mark>.",
            Snippet.Html("Su deducible y sus deducibles; la cobertura y las coberturas.", new HashSet<string>([.. Stems("deducibles", "es"), .. Stems("cobertura", "es")]), "es"));

    [Fact]
    public void Markup_in_the_text_is_shown_not_run() =>
        Assert.Equal(
            "&lt;script&gt; is not a <mark>premium</mark>.",
            Snippet.Html("<script> is not a premium.", Stems("premium"), "en"));

    [Fact]
    public void A_long_text_is_cut_to_the_passage_with_the_searched_words()
    {
        var text = string.Join(' ', Enumerable.Repeat("filler", 60)) + " the deductible comes here " + string.Join(' ', Enumerable.Repeat("padding", 60));

        var snippet = Snippet.Html(text, Stems("deductible"), "en");

        Assert.StartsWith("…filler", snippet, StringComparison.Ordinal);
        Assert.EndsWith("padding…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>deductible</mark>", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Length, 100, Snippet.Length + 2);
    }

    [Fact]
    public void Matches_close_enough_to_share_the_passage_are_all_shown_marked()
    {
        // Every spacing of two mentions that fit one passage (140 characters from the first to the end of the last), behind every length of opening text.
        for (var before = 30; before < 80; before++)
        {
            for (var between = 1; between <= 132; between++)
            {
                var text = Filler(before) + " fee " + Filler(between) + " fee, " + Filler(200);

                var snippet = Snippet.Html(text, Stems("fee"), "en");

                Assert.Equal(2, snippet.Split("<mark>").Length - 1);
            }
        }
    }

    /// <summary>Words of three letters and a space, cut to the length.</summary>
    private static string Filler(int length) => string.Concat(Enumerable.Repeat("abc ", length / 4 + 1))[..length].Trim();

    [Fact]
    public void Without_a_match_the_text_opens_the_passage()
    {
        var text = "Opening words. " + string.Join(' ', Enumerable.Repeat("more", 80));

        var snippet = Snippet.Html(text, Stems("premium"), "en");

        Assert.StartsWith("Opening words.", snippet, StringComparison.Ordinal);
        Assert.EndsWith("more…", snippet, StringComparison.Ordinal);
    }
}
