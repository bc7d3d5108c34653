using System.Globalization;

namespace CommerceGuard.Features.Admin.Terms;

/// <summary>
/// The editor form's list buttons, for writers without a script: a command such as
/// <c>add:examples</c>, <c>remove:sources:2</c> or <c>up:related:1</c> changes the posted form.
/// </summary>
public static class FormLists
{
    public static void Apply(TermForm form, string? command)
    {
        var parts = (command ?? "").Split(':');
        var index = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        switch (parts.ElementAtOrDefault(1))
        {
            case "examples":
                Change(form.Examples, parts[0], index, () => "");
                break;
            case "related":
                Change(form.Related, parts[0], index, () => "");
                break;
            case "sources":
                Change(form.Sources, parts[0], index, () => new SourceForm());
                break;
        }
    }

    private static void Change<T>(List<T> items, string action, int index, Func<T> blank)
    {
        var valid = index >= 0 && index < items.Count;
        switch (action)
        {
            case "add" when items.Count < Glossary.Editing.TermValidation.MaxItems:
                items.Add(blank());
                break;
            case "remove" when valid:
                items.RemoveAt(index);
                break;
            case "up" when valid && index > 0:
                (items[index - 1], items[index]) = (items[index], items[index - 1]);
                break;
            case "down" when valid && index < items.Count - 1:
                (items[index + 1], items[index]) = (items[index], items[index + 1]);
                break;
        }
    }
}

/// <summary>What one item's buttons need: which list, which item, how many there are, and its name for screen readers.</summary>
public sealed record ListButtons(string List, int Index, int Count, string ItemName);

/// <summary>One field as the other writer saved it and as this writer has it.</summary>
public sealed record ConflictField(string Field, string Theirs, string Mine)
{
    public IReadOnlyList<Glossary.Editing.DiffPiece> Differences => Glossary.Editing.WordDiff.Compare(Theirs, Mine);

    /// <summary>Fields held by one box of the form, whose text can be taken over whole.</summary>
    public bool CanTakeOver => Field is "title" or "slug" or "definition" or "misuse" or "benefits" or "conclusion" or "aliases" or "editor-note";
}
