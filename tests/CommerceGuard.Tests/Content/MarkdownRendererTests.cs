using CommerceGuard.Features.Content;

namespace CommerceGuard.Tests.Content;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static string Render(string markdown) => Renderer.Render(markdown).ToString()!;

    [Fact]
    public void Markdown_becomes_html() =>
        Assert.Equal("<p>A <strong>strong</strong> and <em>soft</em> word.</p>", Render("A **strong** and *soft* word.").Trim());

    [Theory]
    [InlineData("<script>alert(1)</script>Text", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe")]
    [InlineData("<form action=\"/x\"><input name=a></form>", "<form")]
    [InlineData("<p style=\"position:fixed\">x</p>", "style=")]
    [InlineData("<a href=\"/x\" tabindex=\"1\" target=\"_blank\" name=\"n\" id=\"main\">x</a>", "tabindex")]
    [InlineData("<a href=\"/x\" target=\"_blank\">x</a>", "target")]
    [InlineData("<span id=\"main\">x</span>", "id=")]
    [InlineData("![tracker](https://tracker.example/pixel.gif)", "<img")]
    [InlineData("<h1>Second title</h1>", "<h1")]
    public void Dangerous_markup_is_removed(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, Render(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Harmless_inline_html_survives() =>
        Assert.Contains("<abbr title=\"Annual Percentage Rate\">APR</abbr>", Render("The <abbr title=\"Annual Percentage Rate\">APR</abbr> is high."), StringComparison.Ordinal);

    [Fact]
    public void External_links_open_nothing_that_can_reach_back() =>
        Assert.Contains("rel=\"noopener noreferrer\"", Render("[CFPB](https://www.consumerfinance.gov/)"), StringComparison.Ordinal);

    [Theory]
    [InlineData("# Big", "<h3>Big</h3>")]
    [InlineData("## Section", "<h4>Section</h4>")]
    [InlineData("#### Deep", "<h6>Deep</h6>")]
    [InlineData("###### Deepest", "<h6>Deepest</h6>")]
    public void Headings_in_term_text_sit_below_the_pages_own_h1_and_h2(string markdown, string html) =>
        Assert.Equal(html, Render(markdown).Trim());

    [Fact]
    public void Links_within_the_site_keep_their_referrer() =>
        Assert.DoesNotContain("rel=", Render("[Doctor](/glossary/doctor)"), StringComparison.Ordinal);

    [Theory]
    [InlineData("A fee, e.g. a junk fee, that hides. More text.", "A fee, e.g. a junk fee, that hides.")]
    [InlineData("Ask Dr. Smith first. Then wait.", "Ask Dr. Smith first.")]
    [InlineData("The U.S. rules differ. Always.", "The U.S. rules differ.")]
    [InlineData("One **bold** sentence! Another.", "One bold sentence!")]
    public void A_summary_is_the_first_sentence_in_plain_text(string markdown, string summary) =>
        Assert.Equal(summary, Renderer.Summary(markdown));

    [Fact]
    public void Blank_text_renders_nothing() => Assert.Equal("", Render("   "));
}
