using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.SiteLanguages;

/// <summary>
/// A Spanish-speaking reader can use the whole public site in Spanish: every page at a Spanish
/// address, in Spanish, pointing at its English self; forms, errors and votes too.
/// </summary>
public sealed class SpanishSiteTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    [Theory]
    [InlineData("/es", "/")]
    [InlineData("/es/glosario", "/glossary")]
    [InlineData("/es/glosario/categoria/seguros", "/glossary/category/insurance")]
    [InlineData("/es/acerca", "/about")]
    [InlineData("/es/donar", "/donate")]
    [InlineData("/es/voluntariado", "/volunteer")]
    [InlineData("/es/buscar?q=prima", "/search")]
    public async Task Every_reader_page_has_a_spanish_address_in_spanish_that_names_its_english_one(string spanish, string english)
    {
        var page = await app.Browser().GetPageAsync(spanish);

        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Glosario", page.QuerySelector(".site-nav a")!.Text());
        Assert.Equal(english, page.QuerySelector(".language-nav a[hreflang=en]")!.GetAttribute("href"));
        // Search results are not for crawlers, so only the pages they may index name their alternates.
        if (page.QuerySelector("meta[name=robots]") is null)
        {
            Assert.Equal($"http://localhost:5080{english}", page.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        }
        // Every link the page makes to the site stays in Spanish, but the way back to English and the API reference.
        var own = page.QuerySelectorAll("a[href^='/']").Where(link => link.Closest(".language-nav") is null)
            .Select(link => link.GetAttribute("href")!).Where(href => !href.StartsWith("/developers", StringComparison.Ordinal));
        Assert.All(own, href => Assert.StartsWith("/es", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_spanish_page_is_explained_in_spanish()
    {
        var page = await app.Browser().GetPageAsync("/es/glosario/no-existe", HttpStatusCode.NotFound);

        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("No encontramos la página", page.QuerySelector("h1")!.Text());
        Assert.Equal("/es/glosario", page.QuerySelectorAll("main a").First(link => link.Text() == "Recorrer el glosario" || link.GetAttribute("href") == "/es/glosario").GetAttribute("href"));
    }

    [Fact]
    public async Task The_volunteer_form_says_what_is_wrong_in_spanish_and_thanks_in_spanish()
    {
        using var refused = await app.Browser().SubmitAsync("/es/voluntariado",
            [new("Form.Name", "Dolores Huerta"), new("Form.Email", "no-es-un-correo"), new("Form.Consent", "true")]);
        using var accepted = await app.Browser().SubmitAsync("/es/voluntariado",
            [new("Form.Name", "Dolores Huerta"), new("Form.Email", $"dolores.{Guid.NewGuid():N}@example.org"), new("Form.Consent", "true")]);

        var page = await Pages.ParseAsync(refused);
        Assert.Contains("Escriba un correo electrónico como nombre@ejemplo.org.", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/es/voluntariado/gracias", accepted.Headers.Location!.OriginalString);
        var thanks = await app.Browser().GetPageAsync("/es/voluntariado/gracias");
        Assert.Equal("Gracias por ofrecer su ayuda", thanks.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task A_vote_on_a_spanish_page_counts_for_the_spanish_term_and_thanks_in_spanish()
    {
        var browser = app.Browser();

        using var response = await browser.PostAsync(new Uri("/es/glosario/prima/votar", UriKind.Relative),
            new FormUrlEncodedContent([new("helpful", "no")]));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/es/glosario/prima/opinion", response.Headers.Location!.OriginalString);
        var voted = await app.WithDbAsync(db => db.Votes.AnyAsync(vote => db.Terms.Any(term => term.Id == vote.TermId && term.Slug == "prima" && term.Language == "es")));
        Assert.True(voted);
        var thanks = await browser.GetPageAsync("/es/glosario/prima/opinion");
        Assert.Equal("¿Qué estuvo mal?", thanks.QuerySelector("main legend")!.Text());
        Assert.Equal("Esto me pasó a mí", thanks.QuerySelectorAll("main .feedback-reasons label")[^1].Text());
    }

    [Theory]
    [InlineData("/fr/glossaire")]
    [InlineData("/es/glossary/deductible")]
    [InlineData("/glosario/deducible")]
    public async Task An_address_in_no_language_the_site_offers_is_not_found(string path) =>
        await app.Browser().GetPageAsync(path, HttpStatusCode.NotFound);

    [Fact]
    public async Task A_site_offered_in_english_alone_has_no_spanish_pages_and_names_none()
    {
        using var english = new GlossaryApp().With("Languages:Offered", "en");

        var term = await english.Browser().GetPageAsync("/glossary/deductible");

        await english.Browser().GetPageAsync("/es/glosario/deducible", HttpStatusCode.NotFound);
        Assert.Null(term.QuerySelector(".language-nav"));
        Assert.Null(term.QuerySelector("link[hreflang]"));
    }
}
