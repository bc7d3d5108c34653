namespace CommerceGuard.Features.Glossary;

/// <summary>
/// A long list of terms (a letter of the A–Z index, a category) cut into pages of
/// <see cref="GlossaryOptions.ListPageSize"/>, so that no page grows with the glossary. Each
/// page is named by its first and last titles, as a printed dictionary's guide words are.
/// </summary>
public sealed class TermListPages
{
    private readonly IReadOnlyList<TermLink> terms;
    private readonly int size;

    public TermListPages(IReadOnlyList<TermLink> terms, int size, Func<int, string> url)
    {
        this.terms = terms;
        this.size = size;
        Count = Math.Max(1, (terms.Count + size - 1) / size);
        All = [.. Enumerable.Range(1, Count).Select(number => Guide(number, url(number)))];
    }

    /// <summary>How many pages there are; an empty list has one, empty.</summary>
    public int Count { get; }

    /// <summary>Every page, for the pager.</summary>
    public IReadOnlyList<ListPage> All { get; }

    public bool Has(int number) => number >= 1 && number <= Count;

    /// <summary>The terms on a page, 1 being the first.</summary>
    public IReadOnlyList<TermLink> On(int number) =>
        [.. terms.Skip((number - 1) * size).Take(size)];

    private ListPage Guide(int number, string url)
    {
        if (terms.Count == 0)
        {
            return new ListPage(number, url, "", "");
        }
        var first = (number - 1) * size;
        var last = Math.Min(first + size, terms.Count) - 1;
        return new ListPage(number, url, terms[first].Title, terms[last].Title);
    }
}

/// <summary>A page of a list: its number, address, and the first and last titles on it.</summary>
public sealed record ListPage(int Number, string Url, string FirstTitle, string LastTitle)
{
    /// <summary>"Charity Care – Class Action Waiver", or the one title of a page of one.</summary>
    public string Guide => FirstTitle == LastTitle ? FirstTitle : $"{FirstTitle} – {LastTitle}";
}
