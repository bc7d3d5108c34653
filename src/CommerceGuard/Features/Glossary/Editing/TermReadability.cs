using System.ComponentModel.DataAnnotations;
using CommerceGuard.Features.Content;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>Plain language in the editor. Section <c>Readability</c>.</summary>
public sealed class ReadabilityOptions
{
    public const string Section = "Readability";

    /// <summary>Publishing text above this Flesch–Kincaid grade asks the editor to confirm. Most adults read comfortably at grade 8 or 9.</summary>
    [Range(1, 20)]
    public double WarnAboveGrade { get; set; } = 9;

    /// <summary>Sentences of at least this many words are pointed out as the first to shorten.</summary>
    [Range(8, 100)]
    public int LongSentenceWords { get; set; } = 25;
}

/// <summary>One part of a term as the editor's readability panel shows it.</summary>
public sealed record SectionReadability(string Label, ReadabilityScore Score, IReadOnlyList<MeasuredSentence> Longest, bool AboveLimit);

/// <summary>
/// How hard each part of a term is to read: the Flesch–Kincaid grade of the definition and each
/// section, and the longest sentences of each. The formula is for English, so other languages get none.
/// </summary>
public sealed class TermReadability(MarkdownRenderer markdown, IOptions<ReadabilityOptions> options)
{
    private const int HintsPerSection = 2;

    public double WarnAboveGrade => options.Value.WarnAboveGrade;

    public static bool Applies(string language) => language == Languages.Default;

    public IReadOnlyList<SectionReadability> Of(TermContent content)
    {
        var parts = new List<(string Label, string? Text)> { ("Definition", content.Definition) };
        parts.AddRange(content.Examples.Select((example, i) => ($"Example {i + 1}", (string?)example)));
        parts.AddRange([("Misuse", content.Misuse), ("Benefits", content.Benefits), ("Conclusion", content.Conclusion)]);
        return [.. parts.Where(part => !string.IsNullOrWhiteSpace(part.Text)).Select(part => Measure(part.Label, part.Text!))];
    }

    /// <summary>The parts above the warning grade: what publishing asks the editor to confirm.</summary>
    public IReadOnlyList<SectionReadability> AboveLimit(TermContent content) => [.. Of(content).Where(part => part.AboveLimit)];

    /// <summary>"The definition reads at grade 11.2 and Misuse at 10.4, above 9."</summary>
    public string Warning(IReadOnlyList<SectionReadability> above) =>
        $"{string.Join(", ", above.Select(part => $"{part.Label} reads at grade {part.Score.Grade:0.0}"))}, above {WarnAboveGrade:0.#}. "
        + "Shorten the longest sentences and prefer short words, or tick \"Publish anyway\".";

    private SectionReadability Measure(string label, string text)
    {
        var lines = markdown.PlainLines(text);
        var score = Readability.Score(lines);
        return new SectionReadability(label, score, Readability.Longest(lines, HintsPerSection, options.Value.LongSentenceWords), score.Grade > WarnAboveGrade);
    }
}
