using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Benchmarks;

/// <summary>
/// A made-up glossary shaped like a real one, the same for the same seed: titles of one to five
/// words, definitions of 40 to 250 words, up to six examples, the other three sections, two to
/// eight related terms, one to three of 20 categories, and an alias for a third of the terms.
/// The words are made of random letters, so no sentence is anyone's. A text scale below 1
/// shortens every text in proportion, for glossaries that must fit a file size.
/// <para>
/// Text reads as a real glossary's does: everyday words, a few of them far more common than the
/// rest (Zipf's law), and now and then another term's name, about one mention in 30 words, which
/// the site turns into a link. Names are made of words of their own, the longer ones half the
/// time led by an everyday word ("health savings account"). Until December 2026 every word of
/// the text was drawn from the names' words, so nearly every word became a link (about 370 on
/// a page), which no glossary has and which made a page cost several times what a real one does.
/// </para>
/// </summary>
internal sealed class GeneratedGlossary
{
    /// <summary>Roughly one mention of a term in this many words of text.</summary>
    private const int WordsPerMention = 30;

    private readonly Random random;
    private readonly string[] words;
    private readonly string[] everyday;
    private readonly double[] everydayShare;
    private readonly double textScale;

    public GeneratedGlossary(int termCount, int seed, double textScale = 1.0)
    {
        this.textScale = textScale;
        random = new Random(seed);
        var vocabulary = SyntheticGlossary.Vocabulary(24_000, seed);
        (everyday, words) = (vocabulary[..4_000], vocabulary[4_000..]);
        everydayShare = ZipfShares(everyday.Length);
        Categories = [.. Enumerable.Range(1, 20).Select(order =>
        {
            var name = Capitalized(Words(random.Next(1, 3)));
            return new Category { Slug = $"{Slug.FromTitle(name)}-{order}", Name = name, DisplayOrder = order };
        })];
        Titles = UniqueTitles(termCount);
        Slugs = [.. Titles.Select((title, i) => $"{Slug.FromTitle(title)}-{i}")];
    }

    public List<Category> Categories { get; }

    /// <summary>The words titles are made of (besides the everyday words that lead some of them).</summary>
    public IReadOnlyList<string> Vocabulary => words;

    /// <summary>Every term's title, in the order <see cref="Terms"/> makes them.</summary>
    public List<string> Titles { get; }

    public List<string> Slugs { get; }

    /// <summary>The terms, made one at a time so that a large glossary need not be held in memory.</summary>
    public IEnumerable<Term> Terms(Func<int, IEnumerable<Category>, List<Category>>? categoriesOf = null)
    {
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Titles.Count; i++)
        {
            var created = start.AddMinutes(random.Next(0, 3_000_000));
            var categories = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Categories[random.Next(Categories.Count)]).Distinct();
            yield return new Term
            {
                Title = Titles[i],
                Slug = Slugs[i],
                Status = TermStatus.Published,
                Definition = Sentences(random.Next(40, 251)),
                Examples = [.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => Sentences(random.Next(20, 61)))],
                Misuse = Sentences(random.Next(30, 81)),
                Benefits = Sentences(random.Next(30, 81)),
                Conclusion = Sentences(random.Next(20, 61)),
                RelatedSlugs = [.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => Slugs[random.Next(Slugs.Count)]).Where(slug => slug != Slugs[i]).Distinct()],
                Aliases = random.Next(3) == 0 ? [Capitalized(Words(random.Next(1, 4)))] : [],
                Categories = categoriesOf is null ? [.. categories] : categoriesOf(i, categories),
                CreatedAt = created,
                ModifiedAt = created.AddDays(random.Next(0, 400)),
            };
        }
    }

    private List<string> UniqueTitles(int count)
    {
        var titles = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (titles.Count < count)
        {
            var title = Capitalized(Title());
            if (seen.Add(title))
            {
                titles.Add(title);
            }
        }
        return titles;
    }

    private string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));

    /// <summary>One to five words; a longer name is led by an everyday word half the time.</summary>
    private string Title()
    {
        var length = random.Next(1, 6);
        return length > 1 && random.Next(2) == 0 ? $"{EverydayWord()} {Words(length - 1)}" : Words(length);
    }

    /// <summary>About this many words (times the text scale), in sentences of 8 to 20 words, now and then naming a term.</summary>
    private string Sentences(int wordCount)
    {
        wordCount = Math.Max(1, (int)Math.Round(wordCount * textScale));
        var sentences = new List<string>();
        for (var written = 0; written < wordCount;)
        {
            var sentence = new List<string>();
            for (var length = Math.Min(random.Next(8, 21), wordCount - written); sentence.Count < length;)
            {
                sentence.Add(Titles.Count > 0 && random.Next(WordsPerMention) == 0
                    ? Titles[random.Next(Titles.Count)].ToLowerInvariant()
                    : EverydayWord());
            }
            sentences.Add(Capitalized(string.Join(' ', sentence)) + ".");
            written += sentence.Count;
        }
        return string.Join(' ', sentences);
    }

    /// <summary>An everyday word, the commoner ones far more often, as in any writing.</summary>
    private string EverydayWord()
    {
        var index = Array.BinarySearch(everydayShare, random.NextDouble());
        return everyday[Math.Min(index < 0 ? ~index : index, everyday.Length - 1)];
    }

    /// <summary>Running totals of Zipf's shares (the word of rank r is used in proportion to 1/r), ending at 1.</summary>
    private static double[] ZipfShares(int count)
    {
        var shares = new double[count];
        var total = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            total += 1.0 / rank;
            shares[rank - 1] = total;
        }
        for (var i = 0; i < count; i++)
        {
            shares[i] /= total;
        }
        return shares;
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
