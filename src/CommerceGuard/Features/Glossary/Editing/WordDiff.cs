using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace CommerceGuard.Features.Glossary.Editing;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text that is the same in both versions, only in the older, or only in the newer.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>Compares two texts word by word, keeping the spaces and punctuation between words.</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffPiece> Compare(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        var (old, @new) = (result.PiecesOld, result.PiecesNew);
        var nextOld = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffKind.Same, old, nextOld, block.DeleteStartA - nextOld);
            Add(DiffKind.Removed, old, block.DeleteStartA, block.DeleteCountA);
            Add(DiffKind.Added, @new, block.InsertStartB, block.InsertCountB);
            nextOld = block.DeleteStartA + block.DeleteCountA;
        }
        Add(DiffKind.Same, old, nextOld, old.Count - nextOld);
        return pieces;

        void Add(DiffKind kind, IReadOnlyList<string> words, int start, int count)
        {
            if (count <= 0)
            {
                return;
            }
            var text = new StringBuilder();
            for (var i = start; i < start + count; i++)
            {
                text.Append(words[i]);
            }
            // Neighbours of one kind read as one run.
            if (pieces.Count > 0 && pieces[^1].Kind == kind)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            }
            else
            {
                pieces.Add(new DiffPiece(kind, text.ToString()));
            }
        }
    }
}
