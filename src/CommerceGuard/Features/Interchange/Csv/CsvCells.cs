using System.Text;

namespace CommerceGuard.Features.Interchange.Csv;

/// <summary>
/// How the CSV format writes what a plain cell cannot hold, and reads it back:
/// <list type="bullet">
/// <item>lists (examples, aliases, related terms, categories, sources) are one cell, items
/// separated by <c>;</c>; a <c>;</c> inside an item is written <c>\;</c>, a backslash before one of
/// <c>; | \</c> (or at the item's end) is written <c>\\</c>;</item>
/// <item>a source is its title, address, publisher and date accessed, separated by <c>|</c>;</item>
/// <item>a cell that a spreadsheet would run as a formula (starting <c>= + - @</c>, a tab or a
/// carriage return) is written with an apostrophe in front, as spreadsheets show text.</item>
/// </list>
/// </summary>
public static class CsvCells
{
    public const char ListSeparator = ';';
    public const char PartSeparator = '|';
    private const char Escape = '\\';
    private const char TextMark = '\'';

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Items in one cell, each with its separators escaped.</summary>
    public static string JoinList(IEnumerable<string> items) =>
        string.Join($"{ListSeparator} ", items.Select(EscapeItem));

    /// <summary>The items of a list cell, trimmed, empty ones left out.</summary>
    public static List<string> SplitList(string cell) => Split(cell, ListSeparator);

    /// <summary>The parts of one list item (a source's title, address, …), trimmed, empty ones kept.</summary>
    public static List<string> SplitParts(string item) => Split(item, PartSeparator, keepEmpty: true);

    /// <summary>Parts of one list item, joined so that <see cref="SplitParts"/> gives them back.</summary>
    public static string JoinParts(IEnumerable<string?> parts) =>
        string.Join($" {PartSeparator} ", parts.Select(part => EscapeItem(part ?? "")));

    /// <summary>The cell as written to a file: an apostrophe in front when a spreadsheet would otherwise run it.</summary>
    public static string Protect(string cell) =>
        NeedsMark(cell) ? TextMark + cell : cell;

    /// <summary>
    /// The cell as read from a file: the apostrophe <see cref="Protect"/> adds is taken off, and a
    /// cell that would run as a formula is refused (null, with the reason).
    /// </summary>
    public static string? Unprotect(string cell, out string? problem)
    {
        problem = null;
        if (cell.Length > 1 && cell[0] == TextMark && NeedsMark(cell[1..]))
        {
            return cell[1..];
        }
        if (LooksLikeFormula(cell))
        {
            problem = $"starts with \"{Shown(cell[0])}\", which a spreadsheet would run as a formula; put an apostrophe in front ('{cell[0]}…) to keep it as text";
            return null;
        }
        return cell;
    }

    /// <summary>
    /// What a spreadsheet would run: "=…", "@…", and "+…" or "-…" not followed by a space (a Markdown
    /// list item "- …" is text). A tab or carriage return in front is whitespace, trimmed away.
    /// </summary>
    private static bool LooksLikeFormula(string cell) =>
        cell.Length > 0 && (cell[0] is '=' or '@'
            || (cell[0] is '+' or '-' && cell.Length > 1 && !char.IsWhiteSpace(cell[1])));

    /// <summary>An apostrophe goes in front of a formula character, and of a cell that already starts with one that would be taken off.</summary>
    private static bool NeedsMark(string cell) =>
        cell.Length > 0 && (FormulaStarts.Contains(cell[0])
            || (cell[0] == TextMark && cell.Length > 1 && (FormulaStarts.Contains(cell[1]) || cell[1] == TextMark)));

    private static string Shown(char c) => c switch { '\t' => "a tab", '\r' => "a carriage return", _ => c.ToString() };

    private static string EscapeItem(string item)
    {
        var escaped = new StringBuilder(item.Length);
        for (var i = 0; i < item.Length; i++)
        {
            var c = item[i];
            var escapes = c is ListSeparator or PartSeparator
                || (c == Escape && (i + 1 == item.Length || item[i + 1] is ListSeparator or PartSeparator or Escape));
            if (escapes)
            {
                escaped.Append(Escape);
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static List<string> Split(string cell, char separator, bool keepEmpty = false)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == Escape && i + 1 < cell.Length && cell[i + 1] is ListSeparator or PartSeparator or Escape)
            {
                current.Append(cell[++i]);
            }
            else if (c == separator)
            {
                Add();
            }
            else
            {
                current.Append(c);
            }
        }
        Add();
        return items;

        void Add()
        {
            var item = current.ToString().Trim();
            current.Clear();
            if (item.Length > 0 || keepEmpty)
            {
                items.Add(item);
            }
        }
    }
}
