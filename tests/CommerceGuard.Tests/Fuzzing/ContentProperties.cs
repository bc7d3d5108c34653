using AngleSharp.Html.Parser;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Tests.Hostile;
using CsCheck;

namespace CommerceGuard.Tests.Fuzzing;

/// <summary>
/// Properties of the text pipeline that must hold for every input, not just the ones we thought
/// of: slugs are always valid, rendered Markdown never holds active markup, and linking terms
/// never changes a letter of what the reader reads.
/// </summary>
public sealed class ContentProperties
{
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly HtmlParser Parser = new();

    private static readonly TermLinks Glossary = new(
    [
        new("premium", "Premium", "What a policy costs.", ["Premium", "premiums"]),
        new("copay", "Copay", "A fixed share.", ["Copay", "copays", "co-pay"]),
        new("out-of-pocket-maximum", "Out-of-pocket maximum", "The most paid in a year.", ["Out-of-pocket maximum", "OOP max"]),
        new("hipaa", "HIPAA", "A health privacy law.", ["HIPAA"]),
        new("401k-plan", "401(k) plan", "A retirement plan.", ["401(k) plan", "401(k)"]),
        new("c-plus-plus", "C++", "A language.", ["C++"]),
        new("att", "AT&T", "A company.", ["AT&T"]),
        new("balance-billing", "Balance billing", "A bill for the rest.", ["Balance billing"]),
    ]);

    [Fact]
    public void A_slug_made_from_any_title_is_valid_or_empty_and_making_it_again_changes_nothing() =>
        FuzzInputs.Text.Sample(title =>
        {
            var slug = Slug.FromTitle(title);
            Assert.True(slug.Length == 0 || Slug.IsValid(slug), $"\"{slug}\"");
            Assert.True(slug.Length <= Slug.MaxLength);
            Assert.Equal(slug, Slug.FromTitle(slug));
        });

    [Fact]
    public void Any_text_is_valid_as_a_slug_only_when_it_is_lower_case_ascii_words_joined_by_single_hyphens() =>
        FuzzInputs.Text.Sample(text =>
        {
            if (Slug.IsValid(text))
            {
                Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", text);
                Assert.Equal(text, Slug.FromTitle(text));
            }
        });

    [Fact]
    public void Rendered_markdown_never_holds_active_markup_whatever_was_written() =>
        FuzzInputs.Text.Sample(markdown =>
        {
            var html = Renderer.Render(markdown, new LinkingSession(Glossary)).ToString()!;
            Assert.Empty(ActiveMarkup.In($"<!DOCTYPE html><html><head><title>t</title></head><body>{html}</body></html>"));
        });

    /// <summary>
    /// Against the same text rendered with a glossary that has no terms, so that the only
    /// difference is the linking (a [[wiki link]] is resolved either way). The text is prose with
    /// Markdown and stray markup characters, not whole HTML tags: raw HTML that the sanitizer
    /// strips has no one text to compare (a comment or a broken tag may swallow what follows
    /// differently once a link's tag sits beside it), and the property above already holds it safe.
    /// </summary>
    [Fact]
    public void Linking_terms_never_changes_the_text_a_reader_reads() =>
        FuzzInputs.Prose.Sample(markdown =>
        {
            var plain = TextOf(Renderer.Render(markdown, new LinkingSession(new TermLinks([]))).ToString()!);
            var linked = TextOf(Renderer.Render(markdown, new LinkingSession(Glossary)).ToString()!);
            Assert.Equal(plain, linked);
        });

    [Fact]
    public void Linking_terms_puts_links_only_where_a_term_is_named() =>
        FuzzInputs.Prose.Sample(markdown =>
        {
            var page = Parser.ParseDocument($"<body>{Renderer.Render(markdown, new LinkingSession(Glossary))}</body>");
            foreach (var link in page.QuerySelectorAll($"a.{TermLinker.LinkClass}"))
            {
                Assert.StartsWith("/glossary/", link.GetAttribute("href"), StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(link.TextContent));
            }
        });

    private static string TextOf(string html) => Parser.ParseDocument($"<body>{html}</body>").Body!.TextContent;
}
