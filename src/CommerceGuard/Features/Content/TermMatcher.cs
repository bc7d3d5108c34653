namespace CommerceGuard.Features.Content;

/// <summary>A term as other terms' text may link to it.</summary>
/// <param name="Slug">Where it lives.</param>
/// <param name="Title">Its title, for wiki links and reports.</param>
/// <param name="Summary">Its definition's first sentence, for link previews.</param>
/// <param name="Names">Its title and aliases: what text may call it.</param>
/// <param name="AutoLink">False for a term too common a word to link automatically.</param>
public sealed record LinkTarget(string Slug, string Title, string Summary, IReadOnlyList<string> Names, bool AutoLink = true);

/// <summary>A mention of a term in a text: the characters it covers.</summary>
public readonly record struct TermMention(int Start, int Length, LinkTarget Target);

/// <summary>
/// Finds mentions of terms in text with a trie over word tokens: each text position costs one
/// dictionary step per token of the longest name, however many terms the glossary holds.
/// Matches are whole words, case- and accent-insensitive, leftmost and longest first
/// ("health savings account" before "account"); the last word of a name also matches its plural.
/// </summary>
public sealed class TermMatcher
{
    private readonly Node root = new();

    public TermMatcher(IEnumerable<LinkTarget> targets)
    {
        foreach (var target in targets.Where(target => target.AutoLink))
        {
            foreach (var name in target.Names)
            {
                var keys = TermTokens.Keys(name);
                if (keys.Length == 0)
                {
                    continue;
                }
                Add(keys, target);
                foreach (var plural in TermTokens.Plurals(keys[^1]))
                {
                    Add([.. keys[..^1], plural], target);
                }
            }
        }
    }

    public IEnumerable<TermMention> Find(string text)
    {
        var tokens = TermTokens.Tokenize(text);
        var i = 0;
        while (i < tokens.Count)
        {
            var (target, length) = LongestAt(tokens, i);
            if (target is null)
            {
                i++;
                continue;
            }
            var end = tokens[i + length - 1];
            yield return new TermMention(tokens[i].Start, end.Start + end.Length - tokens[i].Start, target);
            i += length;
        }
    }

    private (LinkTarget? Target, int Length) LongestAt(List<TermToken> tokens, int start)
    {
        var node = root;
        (LinkTarget? Target, int Length) best = (null, 0);
        for (var i = start; i < tokens.Count && node.Next.TryGetValue(tokens[i].Key, out var next); i++)
        {
            node = next;
            if (node.Target is not null)
            {
                best = (node.Target, i - start + 1);
            }
        }
        return best;
    }

    private void Add(string[] keys, LinkTarget target)
    {
        var node = root;
        foreach (var key in keys)
        {
            if (!node.Next.TryGetValue(key, out var next))
            {
                next = new Node();
                node.Next[key] = next;
            }
            node = next;
        }
        // The first term to claim a name keeps it; a later term with the same alias does not steal it.
        node.Target ??= target;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = new(StringComparer.Ordinal);
        public LinkTarget? Target { get; set; }
    }
}
