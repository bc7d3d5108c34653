namespace CommerceGuard.Tests.Hostile;

/// <summary>The checker the hostile-input tests rely on finds what it must, and nothing in the site's own pages.</summary>
public sealed class ActiveMarkupTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    public static TheoryData<string> MarkupAttacks() => [.. HostileStrings.Xss.Where(attack => attack.StartsWith('<') && !attack.StartsWith("<javascript:", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(MarkupAttacks))]
    public void Each_markup_attack_is_found_when_a_page_holds_it_raw(string attack) =>
        Assert.NotEmpty(ActiveMarkup.In($"<!DOCTYPE html><html><head><title>t</title></head><body><p>{attack}</p></body></html>"));

    [Theory]
    [InlineData("/")]
    [InlineData("/glossary")]
    [InlineData("/glossary/premium")]
    [InlineData("/es/glosario/prima")]
    [InlineData("/glossary/category/insurance")]
    [InlineData("/search?q=premium")]
    [InlineData("/volunteer")]
    [InlineData("/donate")]
    [InlineData("/about")]
    [InlineData("/admin/sign-in")]
    [InlineData("/developers/api")]
    public async Task The_site_s_own_pages_hold_none(string url) =>
        Assert.Empty(ActiveMarkup.In(await app.Browser().GetPageAsync(url)));
}
