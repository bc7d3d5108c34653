using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.SiteLanguages;

namespace CommerceGuard.Features.Content;

/// <summary>A term as other terms' text may link to it.</summary>
/// <param name="Slug">Where it lives.</param>
/// <param name="Title">Its title, for wiki links and reports.</param>
/// <param name="Summary">Its definition's first sentence, for link previews.</param>
/// <param name="Names">Its title and aliases: what text may call it.</param>
/// <param name="AutoLink">False for a term too common a word to link automatically.</param>
/// <param name="Language">Its language, which links to it are made in too.</param>
public sealed record LinkTarget(string Slug, string Title, string Summary, IReadOnlyList<string> Names, bool AutoLink = true, string Language = Languages.Default)
{
    /// <summary>Its page.</summary>
    public string Url => SitePaths.For(Language).Term(Slug);
}

/// <summary>
/// One name the matcher knows: its word keys, its term, and, for an acronym, the only
/// spelling that matches. Earlier entries win a name two terms share.
/// </summary>
public sealed record MatcherEntry(IReadOnlyList<string> Keys, LinkTarget Target, string? ExactText);

/// <summary>A mention of a term in a text: the characters it covers.</summary>
public readonly record struct TermMention(int Start, int Length, LinkTarget Target);

/// <summary>
/// Finds mentions of terms in text with a trie over word tokens: each text position costs one
/// dictionary step per token of the longest name, however many terms the glossary holds.
/// Matches are whole words, case- and accent-insensitive, leftmost and longest first
/// ("health savings account" before "account"); the last word of a name also matches its plural.
/// </summary>
/// <remarks>
/// The trie is kept flat: words and nodes are numbered and every edge is in one dictionary keyed
/// by the two numbers, rather than a dictionary of words in each node. At 100,000 terms it has
/// some 400,000 nodes, and a dictionary apiece took about 120 MB where this takes about 15. A
/// word no name has, as most of a text's are, is turned away by the first lookup.
/// </remarks>
public sealed class TermMatcher
{
    private const int Root = 0;

    private readonly IReadOnlyList<LinkTarget> targets;

    /// <summary>Every word of every name, numbered.</summary>
    private readonly Dictionary<string, int> words = new(StringComparer.Ordinal);

    /// <summary>From a node and the next word's number (<see cref="Edge"/>), the node it leads to.</summary>
    private readonly Dictionary<Edge, int> edges = [];

    /// <summary>What each node's path of words names, by node number; the root names nothing.</summary>
    private readonly List<Named> named = [default];

    public TermMatcher(IEnumerable<LinkTarget> targets)
    {
        this.targets = [.. targets];
        foreach (var entry in Entries())
        {
            Add(entry.Keys, entry.Target, entry.ExactText);
        }
    }

    /// <summary>
    /// What the matcher matches, in the order it was built: for a matcher elsewhere (the partner
    /// widget) to build the same. Made afresh on each call rather than kept.
    /// </summary>
    public IReadOnlyList<MatcherEntry> Entries()
    {
        var names = targets
            .Where(target => target.AutoLink)
            .SelectMany(target => target.Names.Select(name => (Name: name, Keys: TermTokens.Keys(name), Target: target)))
            .Where(entry => entry.Keys.Length > 0)
            .ToList();
        // Every name as written first, then plurals, so "Damages" the term is never taken by
        // "Damage" the term's plural.
        return
        [
            .. names.Select(entry => new MatcherEntry(entry.Keys, entry.Target, IsAcronym(entry.Name) ? entry.Name : null)),
            .. names.Where(entry => !IsAcronym(entry.Name)).SelectMany(entry =>
                TermTokens.Plurals(entry.Keys[^1]).Select(plural => new MatcherEntry([.. entry.Keys[..^1], plural], entry.Target, null))),
        ];
    }

    /// <summary>
    /// "US", "EOB", "COBRA": a name in capitals is an acronym, and matched only as written, since
    /// in lower case it is often an everyday word ("us"; in Spanish, "cobra" is "charges").
    /// </summary>
    private static bool IsAcronym(string name) =>
        name.Length > 1 && name.All(char.IsAsciiLetterUpper);

    public IEnumerable<TermMention> Find(string text)
    {
        var tokens = TermTokens.Tokenize(text);
        var i = 0;
        while (i < tokens.Count)
        {
            var (target, length) = LongestAt(text, tokens, i);
            var start = tokens[i].Start;
            var end = target is null ? 0 : tokens[i + length - 1].Start + tokens[i + length - 1].Length;
            // A name joined to another word by a hyphen is part of a longer word: "at-will" is not "will".
            if (target is null || TermTokens.IsJoiningHyphen(text, start - 1) || TermTokens.IsJoiningHyphen(text, end))
            {
                i++;
                continue;
            }
            yield return new TermMention(start, end - start, target);
            i += length;
        }
    }

    private (LinkTarget? Target, int Length) LongestAt(string text, List<TermToken> tokens, int start)
    {
        var node = Root;
        (LinkTarget? Target, int Length) best = (null, 0);
        for (var i = start; i < tokens.Count && words.TryGetValue(tokens[i].Key, out var word) && edges.TryGetValue(new Edge(node, word), out var next); i++)
        {
            node = next;
            var written = text.AsSpan(tokens[start].Start, tokens[i].Start + tokens[i].Length - tokens[start].Start);
            if (named[node] is { Target: { } target, ExactText: var exact } && (exact is null || written.SequenceEqual(exact)))
            {
                best = (target, i - start + 1);
            }
        }
        return best;
    }

    private void Add(IReadOnlyList<string> keys, LinkTarget target, string? exactText)
    {
        var node = Root;
        foreach (var key in keys)
        {
            if (!words.TryGetValue(key, out var word))
            {
                word = words.Count;
                words[key] = word;
            }
            if (!edges.TryGetValue(new Edge(node, word), out var next))
            {
                next = named.Count;
                named.Add(default);
                edges[new Edge(node, word)] = next;
            }
            node = next;
        }
        // The first term to claim a name keeps it; a later term with the same alias does not steal it.
        if (named[node].Target is null)
        {
            named[node] = new Named(target, exactText);
        }
    }

    /// <summary>A node's number and a word's, as one key.</summary>
    private readonly struct Edge(int from, int word) : IEquatable<Edge>
    {
        private readonly long key = ((long)from << 32) | (uint)word;

        public bool Equals(Edge other) => key == other.key;

        public override bool Equals(object? obj) => obj is Edge other && Equals(other);

        // Spread over all the bits: node and word numbers are both small and close together,
        // and a plain fold of the two halves would send many edges to the same buckets.
        public override int GetHashCode() => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32);
    }

    /// <param name="Target">The term a node's words name, if any.</param>
    /// <param name="ExactText">For an acronym, the only spelling that matches.</param>
    private readonly record struct Named(LinkTarget? Target, string? ExactText);
}
