namespace CommerceGuard.Features.Caching;

/// <summary>
/// The pages of <see cref="DiskPageStore"/> used most lately, held in memory as well as in their
/// files up to a budget, so that a page many readers ask for (the home page, a term in the news,
/// a popular suggestion) is served without opening its file. A page is held from its second use
/// while it is still remembered as used once: pages that are each asked for only now and then,
/// as most of a large glossary's are, would otherwise pass through memory one after another, and
/// every one of them would have lived just long enough to burden the garbage collector's oldest
/// generation. The least recently used go first; their files stay. Not thread-safe: the store
/// uses it under its lock.
/// </summary>
internal sealed class RecentPages(long budget)
{
    private readonly LinkedList<(UInt128 Id, byte[] Value)> byUse = new();
    private readonly Dictionary<UInt128, LinkedListNode<(UInt128 Id, byte[] Value)>> byId = [];
    /// <summary>Pages used once lately and not held, forgotten all together when it is full.</summary>
    private readonly HashSet<UInt128> usedOnce = [];
    /// <summary>About as many pages as the budget holds at 4 KB apiece.</summary>
    private readonly int usedOnceLimit = (int)Math.Clamp(budget / 4096, 64, 1 << 20);

    /// <summary>Bytes held now.</summary>
    public long Held { get; private set; }

    /// <summary>The page, when held, which then counts as the most recently used.</summary>
    public byte[]? Get(UInt128 id)
    {
        if (!byId.TryGetValue(id, out var node))
        {
            return null;
        }
        byUse.Remove(node);
        byUse.AddFirst(node);
        return node.Value.Value;
    }

    /// <summary>
    /// A page was just read from its file or written: held, in place of any copy before it, when
    /// it is held already or was used once lately; the least recently used go past the budget.
    /// </summary>
    public void Used(UInt128 id, byte[] value)
    {
        var held = byId.ContainsKey(id);
        Forget(id);
        // One page never takes more than a sixteenth of the budget, so a few large ones cannot empty it.
        if (value.Length > budget / 16)
        {
            return;
        }
        if (!held && !usedOnce.Remove(id))
        {
            RememberFirstUse(id);
            return;
        }
        byId[id] = byUse.AddFirst((id, value));
        Held += value.Length;
        while (Held > budget && byUse.Last is { } leastUsed)
        {
            Forget(leastUsed.Value.Id);
        }
    }

    private void RememberFirstUse(UInt128 id)
    {
        if (usedOnce.Count >= usedOnceLimit)
        {
            usedOnce.Clear();
        }
        usedOnce.Add(id);
    }

    public void Forget(UInt128 id)
    {
        if (byId.Remove(id, out var node))
        {
            byUse.Remove(node);
            Held -= node.Value.Value.Length;
        }
    }
}
