using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Tests.Glossary;

/// <summary>
/// No list page grows with the glossary: at the default page size, a letter's page of the
/// longest titles and addresses a term can have stays under 200 KB.
/// </summary>
public sealed class ListPageWeightTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private const int MostBytes = 200 * 1024;

    [Fact]
    public async Task A_full_page_of_the_longest_titles_is_under_200_KB()
    {
        var size = new GlossaryOptions().ListPageSize;
        await app.WithDbAsync(async db =>
        {
            var now = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < size + 5; i++)
            {
                var number = i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
                db.Terms.Add(new Term
                {
                    Slug = $"w{number}-" + new string('w', Slug.MaxLength - 6),
                    Title = $"W{number} " + new string('w', TermConfiguration.TitleMaxLength - 6),
                    Definition = "A term with the longest title.",
                    Status = TermStatus.Published,
                    CreatedAt = now,
                    ModifiedAt = now,
                });
            }
            await db.SaveChangesAsync();
        });

        using var response = await app.Browser().GetAsync(new Uri("/glossary/letter/w", UriKind.Relative));
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;

        Assert.True(bytes < MostBytes, $"the page is {bytes:N0} bytes");
        var page = await Pages.ParseAsync(response);
        Assert.Equal(size, page.QuerySelectorAll(".term-list a").Length);
    }
}
