using CommerceGuard.Features.Interchange;

namespace CommerceGuard.Tests.Interchange;

public sealed class MarkdownTermFileTests
{
    private const string Complete = """
        ---
        title: Balance Billing
        slug: balance-billing
        categories: [healthcare, insurance]
        aliases: [balance bill]
        related: [out-of-network, surprise-medical-bill]
        modified: 2024-07-16
        ---
        When a provider bills you for the **difference**.

        ## Example

        First example.

        ## Example #2

        Second example.

        ## Misuse

        Misuse text.

        ## Benefits

        Benefits text.

        ## Conclusion

        Conclusion text.
        """;

    [Fact]
    public void A_complete_file_gives_every_field()
    {
        var term = MarkdownTermFile.Read("balance-billing.md", Complete);

        Assert.Equal("Balance Billing", term.Title);
        Assert.Equal("balance-billing", term.Slug);
        Assert.Equal(["healthcare", "insurance"], term.Categories);
        Assert.Equal(["balance bill"], term.Aliases);
        Assert.Equal(["out-of-network", "surprise-medical-bill"], term.Related);
        Assert.Equal(new DateOnly(2024, 7, 16), term.Modified);
        Assert.Equal("When a provider bills you for the **difference**.", term.Definition);
        Assert.Equal(["First example.", "Second example."], term.Examples);
        Assert.Equal("Misuse text.", term.Misuse);
        Assert.Equal("Benefits text.", term.Benefits);
        Assert.Equal("Conclusion text.", term.Conclusion);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_read_the_same()
    {
        var term = MarkdownTermFile.Read("x.md", "\uFEFF" + Complete.ReplaceLineEndings("\r\n"));

        Assert.Equal("Conclusion text.", term.Conclusion);
    }

    [Fact]
    public void Missing_sections_and_optional_keys_stay_empty()
    {
        var term = MarkdownTermFile.Read("x.md", "---\ntitle: Bare\n---\nJust a definition.\n");

        Assert.Null(term.Slug);
        Assert.Null(term.Modified);
        Assert.Empty(term.Examples);
        Assert.Null(term.Misuse);
        Assert.Empty(term.Related);
    }

    [Fact]
    public void A_heading_inside_a_code_block_is_not_a_section()
    {
        var term = MarkdownTermFile.Read("x.md", "---\ntitle: Code\n---\nDefinition.\n\n```\n## Misuse\n```\n");

        Assert.Null(term.Misuse);
        Assert.Contains("## Misuse", term.Definition, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: No fences\n", 1, "must start with front matter")]
    [InlineData("---\ntitle: Never closed\n", 2, "never closed")]
    [InlineData("---\nslug: untitled\n---\nText.\n", 2, "no title")]
    [InlineData("---\ntitle: Empty\n---\n\n## Misuse\n\nText.\n", 4, "no definition")]
    [InlineData("---\ntitle: T\nmodified: April 2024\n---\nText.\n", 2, "YYYY-MM-DD")]
    [InlineData("---\ntitle: T\nslug: a: b\n---\nText.\n", 3, "not valid YAML")]
    [InlineData("---\ntitle: T\n---\nText.\n\n## Trivia\n\nMore.\n", 6, "'## Trivia' is not a section")]
    [InlineData("---\ntitle: T\n---\nText.\n\n## Misuse\n\nOne.\n\n## Misuse\n\nTwo.\n", 10, "second '## Misuse'")]
    [InlineData("---\ntitle: T\n---\nText.\n\n## Benefits\n\n## Conclusion\n\nEnd.\n", 6, "'## Benefits' section is empty")]
    public void A_bad_file_is_refused_with_its_line_and_reason(string text, int line, string reason)
    {
        var error = Assert.Throws<InterchangeException>(() => MarkdownTermFile.Read("bad.md", text));

        Assert.Equal("bad.md", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
