using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Tests.Glossary;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Therapeutic Relationship", "therapeutic-relationship")]
    [InlineData("401(k) Plan", "401-k-plan")]
    [InlineData("Buy Now, Pay Later", "buy-now-pay-later")]
    [InlineData("Out-of-Pocket Maximum", "out-of-pocket-maximum")]
    [InlineData("  Leading and trailing  ", "leading-and-trailing")]
    [InlineData("Café Crème", "cafe-creme")]
    [InlineData("Señor Año", "senor-ano")]
    [InlineData("Straße", "strasse")]
    [InlineData("Worker’s Comp", "workers-comp")]
    [InlineData("Worker's Comp", "workers-comp")]
    [InlineData("Fees & Charges", "fees-and-charges")]
    [InlineData("A -- B", "a-b")]
    [InlineData("HIPAA", "hipaa")]
    public void A_slug_is_derived_from_the_title(string title, string slug) =>
        Assert.Equal(slug, Slug.FromTitle(title));

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("日本語")]
    public void A_title_with_nothing_ascii_to_keep_gives_an_empty_slug(string title) =>
        Assert.Equal("", Slug.FromTitle(title));

    [Fact]
    public void A_derived_slug_is_cut_to_the_maximum_length_without_a_trailing_hyphen()
    {
        var slug = Slug.FromTitle(string.Join(' ', Enumerable.Repeat("word", 40)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.True(Slug.IsValid(slug), slug);
    }

    [Theory]
    [InlineData("therapeutic-relationship")]
    [InlineData("401k-plan")]
    [InlineData("a")]
    public void Valid_slugs(string slug) => Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Upper-Case")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double--hyphen")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("accént")]
    [InlineData("dot.ted")]
    public void Invalid_slugs(string? slug) => Assert.False(Slug.IsValid(slug));

    [Fact]
    public void A_slug_longer_than_the_maximum_is_invalid() =>
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
}
