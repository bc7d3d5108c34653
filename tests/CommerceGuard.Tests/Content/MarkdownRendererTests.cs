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
    public void Dangerous_markup_is_removed(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, Render(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Harmless_inline_html_survives() =>
        Assert.Contains("<abbr title=\"Annual Percentage Rate\">APR</abbr>", Render("The <abbr title=\"Annual Percentage Rate\">APR</abbr> is high."), StringComparison.Ordinal);

    [Fact]
    public void External_links_open_nothing_that_can_reach_back() =>
        Assert.Contains("rel=\"noopener noreferrer\"", Render("[CFPB](https://www.consumerfinance.gov/)"), StringComparison.Ordinal);

    [Fact]
    public void Blank_text_renders_nothing() => Assert.Equal("", Render("   "));
}
