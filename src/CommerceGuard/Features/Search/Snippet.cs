using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis.TokenAttributes;

namespace CommerceGuard.Features.Search;

/// <summary>
/// The passage of a definition a result shows: about 180 characters around the most searched-for
/// words, those words marked. Words match as search matches them (stemmed, any case or accent),
/// so "fees" marks "fee". Everything else is HTML-encoded.
/// </summary>
internal static class Snippet
{
    public const int Length = 180;

    /// <summary>Encodes markup characters only, so accented letters stay readable in the page source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Some words before the first match, so it does not open the passage cold.</summary>
    private const int Lead = 40;

    public static string Html(string text, IReadOnlySet<string> stems, string language)
    {
        var marks = Matches(text, stems, language);
        var (from, to) = Window(text, marks);
        var html = new StringBuilder(Length + 64);
        if (from > 0)
        {
            html.Append('…');
        }
        var at = from;
        foreach (var (start, end) in marks.Where(mark => mark.Start >= from && mark.End <= to))
        {
            html.Append(Encoder.Encode(text[at..start])).Append("<mark>").Append(Encoder.Encode(text[start..end])).Append("</mark>");
            at = end;
        }
        html.Append(Encoder.Encode(text[at..to]));
        if (to < text.Length)
        {
            html.Append('…');
        }
        return html.ToString();
    }

    /// <summary>Where each word whose stem was searched for stands in the text.</summary>
    private static List<(int Start, int End)> Matches(string text, IReadOnlySet<string> stems, string language)
    {
        var marks = new List<(int, int)>();
        if (stems.Count == 0)
        {
            return marks;
        }
        using var stream = SearchAnalyzers.Stemmed(language).GetTokenStream(SearchFields.Definition, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (stems.Contains(term.ToString()))
            {
                marks.Add((offset.StartOffset, offset.EndOffset));
            }
        }
        stream.End();
        return marks;
    }

    /// <summary>The stretch holding the most matches, cut at spaces; the opening when nothing matched.</summary>
    private static (int From, int To) Window(string text, List<(int Start, int End)> marks)
    {
        if (text.Length <= Length)
        {
            return (0, text.Length);
        }
        var (best, bestCount) = (0, 0);
        for (var first = 0; first < marks.Count; first++)
        {
            var count = marks.Skip(first).TakeWhile(mark => mark.End - marks[first].Start <= Length - Lead).Count();
            if (count > bestCount)
            {
                (best, bestCount) = (first, count);
            }
        }
        var from = bestCount == 0 ? 0 : Math.Max(0, marks[best].Start - Lead);
        if (from > 0)
        {
            // Start at a word: after the first space, unless that would skip the match itself.
            var space = text.IndexOf(' ', from, marks[best].Start - from);
            from = space < 0 ? marks[best].Start : space + 1;
        }
        // End at a space, but never before the end of the last match the window was chosen for.
        var keep = bestCount == 0 ? from : marks[best + bestCount - 1].End;
        var to = Math.Min(text.Length, Math.Max(from + Length, keep));
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to - 1, to - keep);
            to = space >= keep ? space : to;
        }
        return (from, to);
    }
}
