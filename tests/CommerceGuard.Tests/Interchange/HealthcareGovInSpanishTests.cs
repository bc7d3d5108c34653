using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Interchange;

/// <summary>The HealthCare.gov glossary, imported once in both languages, as a Spanish reader finds it.</summary>
public sealed class HealthcareGovInSpanish : IAsyncLifetime, IDisposable
{
    public GlossaryApp App { get; } = new();

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Interchange", "Datasets", "healthcare-gov-glossary");
        var (exitCode, output) = await App.RunCommandAsync(["import", folder]);
        Assert.True(exitCode == 0, output);
        // The site may have been running before the import: its index takes the import from the change feed.
        var index = await App.SearchIndexReadyAsync();
        var newest = await App.WithDbAsync(db => db.TermChanges.MaxAsync(change => change.Sequence));
        for (var waited = 0; index.Sequence < newest && waited < 100; waited++)
        {
            await Task.Delay(100);
        }
        Assert.True(index.Sequence >= newest, "the search index never caught up with the import");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}

public sealed partial class HealthcareGovInSpanishTests(HealthcareGovInSpanish glossary) : IClassFixture<HealthcareGovInSpanish>
{
    private HttpClient Reader { get; } = glossary.App.Browser();

    [Fact]
    public async Task A_paired_term_links_each_language_to_the_other()
    {
        var english = await Reader.GetPageAsync("/glossary/allowed-amount");
        var spanish = await Reader.GetPageAsync("/es/glosario/cantidad-autorizada");

        Assert.Equal("Allowed Amount", english.QuerySelector("h1")!.Text());
        Assert.Equal("Cantidad autorizada", spanish.QuerySelector("h1")!.Text());
        Assert.Equal("es", spanish.DocumentElement.GetAttribute("lang"));
        var toSpanish = english.QuerySelector(".language-nav a[hreflang='es']")!;
        Assert.Equal(("/es/glosario/cantidad-autorizada", "En español"), (toSpanish.GetAttribute("href"), toSpanish.Text()));
        var toEnglish = spanish.QuerySelector(".language-nav a[hreflang='en']")!;
        Assert.Equal(("/glossary/allowed-amount", "In English"), (toEnglish.GetAttribute("href"), toEnglish.Text()));
        foreach (var page in new[] { english, spanish })
        {
            Assert.Equal("http://localhost:5080/es/glosario/cantidad-autorizada", page.QuerySelector("link[rel=alternate][hreflang=es]")!.GetAttribute("href"));
            Assert.Equal("http://localhost:5080/glossary/allowed-amount", page.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
            Assert.Equal("http://localhost:5080/glossary/allowed-amount", page.QuerySelector("link[rel=alternate][hreflang=x-default]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task The_spanish_page_speaks_spanish_around_the_term()
    {
        var page = await Reader.GetPageAsync("/es/glosario/cantidad-autorizada");

        Assert.Equal("Glosario", page.QuerySelector(".breadcrumbs li:nth-child(2) a")!.Text());
        Assert.Equal("/es/glosario", page.QuerySelector(".breadcrumbs li:nth-child(2) a")!.GetAttribute("href"));
        Assert.Equal("¿Le fue útil esta página?", page.QuerySelector("#feedback-heading")!.Text());
        Assert.StartsWith("Última modificación", page.QuerySelector(".term-modified")!.Text(), StringComparison.Ordinal);
        Assert.Equal("/es/glosario/cantidad-autorizada/votar", page.QuerySelector("form.feedback-vote")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_term_without_a_translation_is_absent_in_the_other_language()
    {
        var fee = await Reader.GetPageAsync("/glossary/fee");

        Assert.Null(fee.QuerySelector(".language-nav"));
        Assert.Null(fee.QuerySelector("link[hreflang]"));
        await Reader.GetPageAsync("/es/glosario/fee", System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_spanish_a_to_z_lists_the_spanish_terms_under_the_spanish_alphabet()
    {
        var spanishCount = await glossary.App.WithDbAsync(db => db.Terms.CountAsync(term => term.Language == "es" && term.Status == Features.Glossary.TermStatus.Published));

        var page = await Reader.GetPageAsync("/es/glosario");

        var links = page.QuerySelectorAll(".letter-group a").ToList();
        Assert.Equal(spanishCount, links.Count);
        Assert.All(links, link => Assert.StartsWith("/es/glosario/", link.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("Cantidad autorizada", page.QuerySelector("#letter-C")!.ParentElement!.QuerySelectorAll("a").Select(link => link.Text()));
        // The jump bar has the Spanish alphabet's own letter, after N.
        var bar = page.QuerySelectorAll(".jump-bar li").Select(item => item.Text()[..1]).ToList();
        Assert.Equal(bar.IndexOf("N") + 1, bar.IndexOf("Ñ"));
        // Accents do not make a letter of their own: "Índice" would file under I.
        Assert.DoesNotContain(page.QuerySelectorAll(".letter-group h2").Select(heading => heading.Text()), heading => heading is "Á" or "É" or "Í" or "Ó" or "Ú");
    }

    [Theory]
    [InlineData("deducible", "Deducible")]
    [InlineData("deducibles", "Deducible")]
    [InlineData("cobertura", "Cobertura esencial mínima")]
    [InlineData("coberturas", "Cobertura esencial mínima")]
    [InlineData("credito fiscal", "Crédito fiscal anticipado para la prima")]
    public async Task Spanish_search_finds_words_in_any_form_and_without_their_accents(string query, string expected)
    {
        var page = await Reader.GetPageAsync($"/es/buscar?q={Uri.EscapeDataString(query)}");

        var titles = page.QuerySelectorAll(".search-results h2 a").Select(link => link.Text()).ToList();
        Assert.Contains(expected, titles);
        Assert.All(page.QuerySelectorAll(".search-results h2 a"), link => Assert.StartsWith("/es/glosario/", link.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spanish_search_finds_no_english_term()
    {
        var page = await Reader.GetPageAsync("/es/buscar?q=deductible");

        Assert.DoesNotContain(page.QuerySelectorAll(".search-results h2 a"), link => link.Text() == "Deductible");
    }

    [Fact]
    public async Task Spanish_terms_link_the_spanish_terms_they_mention()
    {
        var page = await Reader.GetPageAsync("/es/glosario/cantidad-autorizada");

        var links = page.QuerySelectorAll(".term-definition a.term-link").Select(link => (link.Text(), link.GetAttribute("href"))).ToList();
        Assert.Contains(("facturación del saldo", "/es/glosario/facturacion-del-saldo"), links);
        // "cobra" is Spanish for "charges", not COBRA the law, which is written in capitals.
        Assert.DoesNotContain(links, link => link.Item1 == "cobra");
    }

    [Fact]
    public async Task A_link_the_source_wrote_to_a_spanish_page_leads_to_that_term_in_spanish()
    {
        // es/2013-06-05-gold-health-plan.md says "Vea [Categorías de planes médicos](/es/glossary/health-plan-categories)".
        var page = await Reader.GetPageAsync("/es/glosario/plan-medico-de-categoria-oro");

        var link = page.QuerySelectorAll(".term-definition a").Single(anchor => anchor.Text() == "Categorías de planes médicos");
        Assert.Equal("/es/glosario/categorias-de-planes-medicos", link.GetAttribute("href"));
        await Reader.GetPageAsync(link.GetAttribute("href")!);
    }

    [Fact]
    public async Task Suggestions_in_spanish_offer_spanish_titles()
    {
        using var response = await Reader.GetAsync(new Uri("/api/v1/search/suggest?q=dedu&language=es", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"title\":\"Deducible\"", body, StringComparison.Ordinal);
        Assert.Matches(SpanishPath(), body);
    }

    [GeneratedRegex("\"url\":\"/es/glosario/deducible\"")]
    private static partial Regex SpanishPath();
}
