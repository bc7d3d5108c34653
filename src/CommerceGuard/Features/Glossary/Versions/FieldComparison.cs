using CommerceGuard.Features.Glossary.Editing;
using Microsoft.AspNetCore.Html;

namespace CommerceGuard.Features.Glossary.Versions;

/// <summary>One field in two versions of a term, as text, with its differences word by word.</summary>
public sealed record FieldComparison(string Field, string Before, string After)
{
    public IReadOnlyList<DiffPiece> Differences => WordDiff.Compare(Before, After);

    /// <summary>The older text, what went struck out in <c>del</c>.</summary>
    public IHtmlContent OlderHtml => Marked(DiffKind.Removed, "del");

    /// <summary>The newer text, what came marked in <c>ins</c>.</summary>
    public IHtmlContent NewerHtml => Marked(DiffKind.Added, "ins");

    // Built here rather than in markup, where Razor would add spaces around each piece.
    private HtmlContentBuilder Marked(DiffKind shown, string tag)
    {
        var html = new HtmlContentBuilder();
        foreach (var piece in Differences.Where(piece => piece.Kind == DiffKind.Same || piece.Kind == shown))
        {
            if (piece.Kind == shown)
            {
                html.AppendHtml($"<{tag}>").Append(piece.Text).AppendHtml($"</{tag}>");
            }
            else
            {
                html.Append(piece.Text);
            }
        }
        return html;
    }

    /// <summary>The <paramref name="fields"/> (<see cref="TermFields"/>) that differ, in their order.</summary>
    public static List<FieldComparison> Between(
        TermContent before, TermContent after, IEnumerable<string> fields, IReadOnlyDictionary<int, string> categoryNames) =>
        [.. fields
            .Select(field => new FieldComparison(field, TermFields.Text(before, field, categoryNames), TermFields.Text(after, field, categoryNames)))
            .Where(comparison => comparison.Before != comparison.After)];
}
