using System.Text;
using CommerceGuard.Features.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Tests.Caching;

/// <summary>
/// A server keeps its pages in files of a folder of its own, with only the index in memory:
/// pages come back as they were kept, go with their tags or their age, and the folder goes
/// with the server.
/// </summary>
public sealed class DiskPageStoreTests : IDisposable
{
    private readonly string parent = Directory.CreateTempSubdirectory("commerceguard-pages-test-").FullName;

    private DiskPageStore Store(int limitMegabytes = 100, int memoryMegabytes = 32) =>
        new(Options.Create(new PageCacheOptions { Folder = parent, DiskLimitMegabytes = limitMegabytes, MemoryMegabytes = memoryMegabytes }), NullLogger<DiskPageStore>.Instance);

    private static byte[] Page(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[]? page) => page is null ? "(none)" : Encoding.UTF8.GetString(page);

    [Fact]
    public async Task A_page_comes_back_as_it_was_kept_and_a_newer_one_replaces_it()
    {
        using var store = Store();

        await store.SetAsync("/glossary/escrow", Page("first"), ["term:en:escrow"], TimeSpan.FromMinutes(1), default);
        var first = await store.GetAsync("/glossary/escrow", default);
        await store.SetAsync("/glossary/escrow", Page("second"), ["term:en:escrow"], TimeSpan.FromMinutes(1), default);

        Assert.Equal("first", Text(first));
        Assert.Equal("second", Text(await store.GetAsync("/glossary/escrow", default)));
        Assert.Equal(1, store.Count);
        Assert.Single(Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories), file => !file.EndsWith("in-use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evicting_a_tag_removes_its_pages_and_their_files_and_nothing_else()
    {
        using var store = Store();
        await store.SetAsync("/glossary/escrow", Page("escrow"), ["term:en:escrow", "glossary"], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("/glossary/lien", Page("lien, see escrow"), ["term:en:lien", "term:en:escrow", "glossary"], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("/glossary/tort", Page("tort"), ["term:en:tort", "glossary"], TimeSpan.FromMinutes(1), default);

        await store.EvictByTagAsync("term:en:escrow", default);

        Assert.Null(await store.GetAsync("/glossary/escrow", default));
        Assert.Null(await store.GetAsync("/glossary/lien", default));
        Assert.Equal("tort", Text(await store.GetAsync("/glossary/tort", default)));
        Assert.Equal(Page("tort").Length, Files(store).Sum(file => new FileInfo(file).Length) - KeyPrefix("/glossary/tort"));
    }

    [Fact]
    public async Task A_page_used_again_is_served_from_memory_until_pages_used_more_lately_take_its_place()
    {
        using var store = Store(memoryMegabytes: 1);
        var large = new string('x', 60_000);
        for (var i = 0; i < 20; i++)
        {
            await store.SetAsync($"/glossary/term-{i}", Page($"{i}{large}"), [], TimeSpan.FromMinutes(1), default);
        }
        // Each read is a second use; seventeen of these pages fill the megabyte, so the first
        // ones read go as the last come in.
        for (var i = 0; i < 19; i++)
        {
            await store.GetAsync($"/glossary/term-{i}", default);
        }

        // With the files gone, what still comes back came from memory.
        foreach (var file in Files(store))
        {
            File.Delete(file);
        }

        Assert.StartsWith("18x", Text(await store.GetAsync("/glossary/term-18", default)), StringComparison.Ordinal);
        Assert.StartsWith("3x", Text(await store.GetAsync("/glossary/term-3", default)), StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("/glossary/term-0", default));
        // Written once and never read: it was not held, lest every page made pass through memory.
        Assert.Null(await store.GetAsync("/glossary/term-19", default));
    }

    [Fact]
    public async Task An_evicted_or_replaced_page_is_not_served_from_memory()
    {
        using var store = Store();
        await store.SetAsync("/glossary/escrow", Page("escrow"), ["term:en:escrow"], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("/glossary/lien", Page("lien"), ["term:en:lien"], TimeSpan.FromMinutes(1), default);
        await store.GetAsync("/glossary/escrow", default);

        await store.EvictByTagAsync("term:en:escrow", default);
        await store.SetAsync("/glossary/lien", Page("lien, rewritten"), ["term:en:lien"], TimeSpan.FromMinutes(1), default);

        Assert.Null(await store.GetAsync("/glossary/escrow", default));
        Assert.Equal("lien, rewritten", Text(await store.GetAsync("/glossary/lien", default)));
    }

    [Fact]
    public async Task A_page_past_its_time_is_gone()
    {
        using var store = Store();

        await store.SetAsync("/about", Page("about"), [], TimeSpan.FromMilliseconds(1), default);
        await Task.Delay(20);

        Assert.Null(await store.GetAsync("/about", default));
        Assert.Empty(Files(store));
    }

    [Fact]
    public async Task Over_its_limit_the_store_lets_its_oldest_pages_go()
    {
        using var store = Store(limitMegabytes: 1);
        var page = new byte[300 * 1024];

        foreach (var slug in new[] { "a", "b", "c", "d" })
        {
            await store.SetAsync($"/glossary/{slug}", page, ["glossary"], TimeSpan.FromMinutes(1), default);
        }

        Assert.Null(await store.GetAsync("/glossary/a", default));
        Assert.NotNull(await store.GetAsync("/glossary/d", default));
        Assert.True(store.Bytes <= 1024 * 1024, $"{store.Bytes} bytes kept");
        Assert.Equal(3, Files(store).Count);
    }

    [Fact]
    public async Task Each_server_has_a_folder_of_its_own_deleted_when_it_stops_and_found_and_deleted_if_it_was_killed()
    {
        var abandoned = Directory.CreateDirectory(Path.Combine(parent, "4242-killed"));
        File.WriteAllText(Path.Combine(abandoned.FullName, "in-use"), "");
        using var running = Store();
        string stopped;
        using (var other = Store())
        {
            stopped = other.Folder;
            Assert.NotEqual(running.Folder, other.Folder);
        }

        using var next = Store();
        // A killed server's folder is deleted beside the first requests, not before them.
        for (var waited = 0; Directory.Exists(abandoned.FullName) && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        Assert.False(Directory.Exists(stopped));
        Assert.False(Directory.Exists(abandoned.FullName));
        Assert.True(Directory.Exists(running.Folder));
    }

    private static List<string> Files(DiskPageStore store) =>
        Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories).Where(file => !file.EndsWith("in-use", StringComparison.Ordinal)).ToList();

    /// <summary>Each file begins with its key, so that two keys never share a page.</summary>
    private static long KeyPrefix(string key) => 4 + Encoding.UTF8.GetByteCount(key);

    public void Dispose() => Directory.Delete(parent, recursive: true);
}
