using System.Net.Http.Json;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Search;

namespace CommerceGuard.Tests.Search;

public sealed class SuggestionApiTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private async Task<List<Suggestion>> SuggestAsync(string typed)
    {
        await app.SearchIndexReadyAsync();
        return (await app.Browser().GetFromJsonAsync<List<Suggestion>>($"/api/v1/search/suggest?q={Uri.EscapeDataString(typed)}"))!;
    }

    [Theory]
    [InlineData("pre", "Premium")]
    [InlineData("prem", "Premium")]
    [InlineData("insurenc", "Insurance Bad Faith")]
    [InlineData("arbitraton", "Forced Arbitration")]
    [InlineData("non comp", "Non-Compete Agreement")]
    [InlineData("nda", "Non-Disclosure Agreement")]
    public async Task Titles_are_suggested_from_the_first_letters_and_despite_a_typo(string typed, string title) =>
        Assert.Contains(title, (await SuggestAsync(typed)).Select(s => s.Title));

    [Fact]
    public async Task At_most_eight_suggestions_each_with_its_address()
    {
        var suggestions = await SuggestAsync("co");

        Assert.InRange(suggestions.Count, 1, Suggestions.MaxCount);
        Assert.All(suggestions, s => Assert.StartsWith("/glossary/", s.Url, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("p")]
    [InlineData("  ")]
    public async Task Fewer_than_two_characters_suggest_nothing(string typed) =>
        Assert.Empty(await SuggestAsync(typed));

    [Fact]
    public async Task Drafts_are_never_suggested()
    {
        await app.AddTermAsync("quietly-drafted", "Quagmire Clause", term => term.Status = TermStatus.Draft);
        await Task.Delay(800);

        Assert.Empty(await SuggestAsync("quagm"));
    }
}
