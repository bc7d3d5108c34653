namespace CommerceGuard.Features.Caching;

/// <summary>
/// The pages of <see cref="DiskPageStore"/> read or kept most lately, held in memory as well as
/// in their files up to a budget, so that a page many readers ask for (the home page, a term in
/// the news, a popular suggestion) is served without opening its file. The least recently used
/// go first; their files stay. Not thread-safe: the store uses it under its lock.
/// </summary>
internal sealed class RecentPages(long budget)
{
    private readonly LinkedList<(UInt128 Id, byte[] Value)> byUse = new();
    private readonly Dictionary<UInt128, LinkedListNode<(UInt128 Id, byte[] Value)>> byId = [];

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

    /// <summary>Holds the page, in place of any copy before it, letting the least recently used go past the budget.</summary>
    public void Keep(UInt128 id, byte[] value)
    {
        Forget(id);
        // One page never takes more than a sixteenth of the budget, so a few large ones cannot empty it.
        if (value.Length > budget / 16)
        {
            return;
        }
        byId[id] = byUse.AddFirst((id, value));
        Held += value.Length;
        while (Held > budget && byUse.Last is { } leastUsed)
        {
            Forget(leastUsed.Value.Id);
        }
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
