namespace CommerceGuard.Tests.Search;

/// <summary>An index found on disk at start-up is used only when it belongs to the database it serves.</summary>
public sealed class SearchIndexLifeTests : IDisposable
{
    private readonly string savedIndex = Directory.CreateTempSubdirectory("commerceguard-saved-index-").FullName;

    [Fact]
    public async Task An_index_older_than_the_database_catches_up_at_start()
    {
        using var first = new GlossaryApp();
        await first.SearchIndexReadyAsync();
        FirstStart.CopyIndex(first.SearchIndexFolder, savedIndex);
        await first.AddTermAsync("quagga-charge", "Quagga Charge");

        // A server starting with the index as it was before the new term.
        using var restarted = first.AnotherServer().With("Search:IndexPath", savedIndex);

        Assert.Contains("/glossary/quagga-charge", await EventuallyFoundAsync(restarted, "quagga", "/glossary/quagga-charge"));
    }

    [Fact]
    public async Task An_index_found_on_disk_whose_folder_is_then_deleted_is_built_afresh()
    {
        using var first = new GlossaryApp();
        await first.SearchIndexReadyAsync();
        FirstStart.CopyIndex(first.SearchIndexFolder, savedIndex);
        using var restarted = first.AnotherServer().With("Search:IndexPath", savedIndex);
        await restarted.SearchIndexReadyAsync();

        // The writer opened on the files found: the next change finds them gone, deep in a merge.
        Directory.Delete(savedIndex, recursive: true);
        await restarted.AddTermAsync("phoenix-fee", "Phoenix Fee");

        Assert.Contains("/glossary/phoenix-fee", await EventuallyFoundAsync(restarted, "phoenix", "/glossary/phoenix-fee"));
    }

    [Fact]
    public async Task An_index_left_by_another_database_is_built_afresh()
    {
        using (var earlier = new GlossaryApp())
        {
            await earlier.AddTermAsync("zanzibar-levy", "Zanzibar Levy", term => term.Definition = "Only the earlier database has this.");
            await EventuallyFoundAsync(earlier, "zanzibar", "/glossary/zanzibar-levy");
            FirstStart.CopyIndex(earlier.SearchIndexFolder, savedIndex);
        }

        using var fresh = new GlossaryApp().With("Search:IndexPath", savedIndex);
        await fresh.SearchIndexReadyAsync();

        Assert.Empty(await FoundAsync(fresh, "zanzibar"));
        Assert.Contains("/glossary/premium", await FoundAsync(fresh, "premium"));
    }

    [Fact]
    public async Task An_index_damaged_on_disk_is_built_afresh_not_a_crash()
    {
        using (var earlier = new GlossaryApp())
        {
            await earlier.SearchIndexReadyAsync();
            FirstStart.CopyIndex(earlier.SearchIndexFolder, savedIndex);
        }
        foreach (var file in Directory.EnumerateFiles(savedIndex))
        {
            File.WriteAllBytes(file, [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
        }

        using var app = new GlossaryApp().With("Search:IndexPath", savedIndex);
        await app.SearchIndexReadyAsync();

        Assert.Contains("/glossary/premium", await FoundAsync(app, "premium"));
    }

    [Fact]
    public async Task A_search_that_finds_the_index_damaged_answers_from_the_database_while_it_is_rebuilt()
    {
        using var app = new GlossaryApp();
        var index = await app.SearchIndexReadyAsync();

        var answered = index.TrySearch<int>(_ => throw new Lucene.Net.Index.CorruptIndexException("a damaged file (staged by a test)"), out _);

        Assert.False(answered);
        Assert.Contains("/glossary/premium", await FoundAsync(app, "premium"));
        await app.SearchIndexReadyAsync();
        Assert.False(index.IsDamaged);
        Assert.Contains("/glossary/premium", await FoundAsync(app, "premium"));
    }

    private static async Task<List<string>> FoundAsync(GlossaryApp app, string query)
    {
        var page = await app.Browser().GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        return [.. page.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href")!)];
    }

    private static async Task<List<string>> EventuallyFoundAsync(GlossaryApp app, string query, string address)
    {
        await app.SearchIndexReadyAsync();
        var found = await FoundAsync(app, query);
        for (var attempt = 0; attempt < 40 && !found.Contains(address); attempt++)
        {
            await Task.Delay(100);
            found = await FoundAsync(app, query);
        }
        return found;
    }

    public void Dispose() => Directory.Delete(savedIndex, recursive: true);
}
