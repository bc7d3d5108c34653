using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Caching;

/// <summary>
/// This server's own cache of pages, kept in files rather than in its memory: a glossary of
/// 100,000 terms has more pages than memory should hold, and files the system caches cost the
/// process nothing. Only the index (which page is in which file, under which tags) is in memory.
/// Every server starts with an empty folder of its own, so no page outlives the process that
/// made it, and a database restored while it was stopped can never show through an old page.
/// </summary>
internal sealed partial class DiskPageStore : IOutputCacheStore, IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<UInt128, Page> pages = [];
    private readonly Dictionary<string, List<Page>> tagged = new(StringComparer.Ordinal);
    /// <summary>Pages in the order they were kept, oldest first, for making room; holds removed ones until they reach the front.</summary>
    private readonly Queue<Page> byAge = new();
    /// <summary>Pages taken out of the index whose files are still to be deleted, outside the lock.</summary>
    private readonly Queue<Page> toDelete = new();
    private readonly long limit;
    private readonly RecentPages recent;
    private readonly ILogger<DiskPageStore> logger;
    private readonly FileStream ownership;
    private long kept;
    private long lastFile;

    public DiskPageStore(IOptions<PageCacheOptions> options, ILogger<DiskPageStore> logger)
    {
        this.logger = logger;
        limit = options.Value.DiskLimitMegabytes * 1024L * 1024;
        recent = new RecentPages(options.Value.MemoryMegabytes * 1024L * 1024);
        var parent = string.IsNullOrWhiteSpace(options.Value.Folder)
            ? Path.Combine(Path.GetTempPath(), "commerceguard-pages")
            : Path.GetFullPath(options.Value.Folder);
        Directory.CreateDirectory(parent);
        // A killed server's folder may hold 100,000 pages: deleted beside the first requests, not before them.
        _ = Task.Run(() => RemoveAbandoned(parent));
        Folder = Directory.CreateDirectory(Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
        for (var shelf = 0; shelf < 256; shelf++)
        {
            Directory.CreateDirectory(Path.Combine(Folder, Shelf(shelf)));
        }
        // Held while this server runs: a folder whose lock can be taken belongs to no one.
        ownership = new FileStream(Path.Combine(Folder, LockName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
    }

    private const string LockName = "in-use";

    /// <summary>This server's folder of pages.</summary>
    public string Folder { get; }

    /// <summary>Bytes of pages on disk now.</summary>
    public long Bytes => Interlocked.Read(ref kept);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return pages.Count;
            }
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(Get(key));

    private byte[]? Get(string key)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var id = Id(keyBytes);
        Page? page;
        lock (gate)
        {
            if (!pages.TryGetValue(id, out page))
            {
                return null;
            }
            if (page.ExpiresAt <= Environment.TickCount64)
            {
                Remove(page);
                page = null;
            }
            else if (recent.Get(id) is { } held)
            {
                return held;
            }
        }
        if (page is null)
        {
            DeleteRemoved();
            return null;
        }
        var value = Read(page, keyBytes);
        if (value is not null)
        {
            lock (gate)
            {
                // Unless it was evicted or replaced while its file was read.
                if (!page.Removed)
                {
                    recent.Used(id, value);
                }
            }
        }
        return value;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Set(key, value, tags, validFor);
        return ValueTask.CompletedTask;
    }

    private void Set(string key, byte[] value, string[]? tags, TimeSpan validFor)
    {
        var file = Interlocked.Increment(ref lastFile);
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var page = new Page(Id(keyBytes), file, keyBytes.Length, value.Length, Environment.TickCount64 + (long)validFor.TotalMilliseconds);
        if (!Write(page, keyBytes, value))
        {
            return;
        }
        lock (gate)
        {
            if (pages.TryGetValue(page.Id, out var earlier))
            {
                Remove(earlier);
            }
            pages[page.Id] = page;
            recent.Used(page.Id, value);
            Tag(page, tags ?? []);
            byAge.Enqueue(page);
            Interlocked.Add(ref kept, page.Size);
            MakeRoom();
            CompactAges();
        }
        DeleteRemoved();
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (tagged.Remove(tag, out var members))
            {
                foreach (var page in members)
                {
                    Remove(page);
                }
            }
        }
        DeleteRemoved();
        return ValueTask.CompletedTask;
    }

    /// <summary>Files the page under each of its tags.</summary>
    private void Tag(Page page, string[] tags)
    {
        foreach (var tag in tags)
        {
            if (!tagged.TryGetValue(tag, out var members))
            {
                members = [];
                tagged[tag] = members;
            }
            members.Add(page);
            // Removed pages stay in a tag's list until the tag is evicted; a list that keeps
            // growing (a tag no eviction names for a long time) is swept each time it doubles.
            if (members.Count >= 64 && (members.Count & (members.Count - 1)) == 0)
            {
                members.RemoveAll(member => member.Removed);
            }
        }
    }

    /// <summary>Drops the oldest pages while the folder holds more than its limit.</summary>
    private void MakeRoom()
    {
        while (Interlocked.Read(ref kept) > limit && byAge.TryDequeue(out var oldest))
        {
            if (!oldest.Removed)
            {
                Remove(oldest);
            }
        }
    }

    /// <summary>The queue holds removed pages until they come to its front; rebuilt when they outnumber the kept ones.</summary>
    private void CompactAges()
    {
        if (byAge.Count > 2 * pages.Count + 1024)
        {
            var live = byAge.Where(page => !page.Removed).ToList();
            byAge.Clear();
            live.ForEach(byAge.Enqueue);
        }
    }

    /// <summary>Takes the page out of the index; its file is deleted outside the lock.</summary>
    private void Remove(Page page)
    {
        if (page.Removed)
        {
            return;
        }
        page.Removed = true;
        if (pages.TryGetValue(page.Id, out var held) && ReferenceEquals(held, page))
        {
            pages.Remove(page.Id);
            recent.Forget(page.Id);
        }
        Interlocked.Add(ref kept, -page.Size);
        toDelete.Enqueue(page);
    }

    private void DeleteRemoved()
    {
        while (true)
        {
            Page? page;
            lock (gate)
            {
                if (!toDelete.TryDequeue(out page))
                {
                    return;
                }
            }
            try
            {
                File.Delete(PathOf(page.File));
            }
            catch (IOException error)
            {
                LogDeleteFailed(error, page.File);
            }
        }
    }

    /// <summary>
    /// Writes the page's file in one call. Written at once rather than asynchronously: the system
    /// takes a few kilobytes into its own cache in microseconds, less than handing them to
    /// another thread would cost.
    /// </summary>
    private bool Write(Page page, byte[] keyBytes, byte[] value)
    {
        var path = PathOf(page.File);
        try
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, keyBytes.Length);
            RandomAccess.Write(file, [length, keyBytes, value], 0);
            return true;
        }
        catch (IOException error)
        {
            // A full disk costs this page its place in the cache, never the reader's page.
            LogWriteFailed(error, path);
            TryDelete(path);
            return false;
        }
    }

    /// <summary>Reads the page's file into a pooled buffer and returns a copy of the page alone.</summary>
    private byte[]? Read(Page page, byte[] keyBytes)
    {
        var stored = ArrayPool<byte>.Shared.Rent(page.Size);
        try
        {
            using var file = File.OpenHandle(PathOf(page.File));
            var read = RandomAccess.Read(file, stored.AsSpan(0, page.Size), 0);
            // The file names its page: two keys of one hash, never yet seen, would still not mix.
            if (read != page.Size || !StoredKeyIs(stored.AsSpan(0, page.Size), keyBytes))
            {
                return null;
            }
            return stored.AsSpan(4 + page.KeyLength, page.Size - 4 - page.KeyLength).ToArray();
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            // Evicted while it was being read.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }

    private static bool StoredKeyIs(ReadOnlySpan<byte> stored, byte[] key) =>
        stored.Length >= 4 + key.Length
        && BinaryPrimitives.ReadInt32LittleEndian(stored) == key.Length
        && stored.Slice(4, key.Length).SequenceEqual(key);

    /// <summary>Files are spread over 256 folders, so that none holds more than a few hundred at 100,000 pages.</summary>
    private string PathOf(long file) => Path.Combine(Folder, Shelf(file & 0xFF), file.ToString("x", CultureInfo.InvariantCulture));

    private static string Shelf(long number) => number.ToString("x2", CultureInfo.InvariantCulture);

    private static UInt128 Id(byte[] key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>
    /// Deletes the folders of servers that stopped without deleting their own (killed, say): a
    /// folder whose lock no one holds, or one left without its lock (a deletion cut short) for a
    /// minute, longer than any server takes to make its lock.
    /// </summary>
    private static void RemoveAbandoned(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            try
            {
                var lockFile = Path.Combine(folder, LockName);
                if (File.Exists(lockFile))
                {
                    // Taken only if its server is gone; otherwise this throws. Held while the
                    // pages go, so that another server cleaning up at the same moment passes it
                    // by instead of deleting beside this one, each failing half-way.
                    using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                        DeleteShelves(folder);
                    }
                }
                else if (DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) < TimeSpan.FromMinutes(1))
                {
                    continue;
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // In use by a running server, being deleted by another, or another user's.
            }
        }
    }

    /// <summary>Deletes a folder's pages, leaving its lock: called while holding that lock.</summary>
    private static void DeleteShelves(string folder)
    {
        foreach (var shelf in Directory.EnumerateDirectories(folder))
        {
            Directory.Delete(shelf, recursive: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            DeletePagesThenLetGo();
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException error)
        {
            LogDeleteFailed(error, 0);
        }
    }

    /// <summary>
    /// Deletes this server's pages while it still holds its lock, so that a server starting now
    /// does not take the folder for a killed one's and delete beside this, each failing half-way;
    /// the lock is let go whatever happens.
    /// </summary>
    private void DeletePagesThenLetGo()
    {
        try
        {
            DeleteShelves(Folder);
        }
        finally
        {
            ownership.Dispose();
        }
    }

    private sealed class Page(UInt128 id, long file, int keyLength, int valueLength, long expiresAt)
    {
        public UInt128 Id { get; } = id;
        public long File { get; } = file;
        public int KeyLength { get; } = keyLength;
        public int Size { get; } = 4 + keyLength + valueLength;
        public long ExpiresAt { get; } = expiresAt;
        public bool Removed { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A page could not be kept at {Path}; it is made afresh next time")]
    private partial void LogWriteFailed(Exception error, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The file of a removed page ({File}) could not be deleted")]
    private partial void LogDeleteFailed(Exception error, long file);
}
