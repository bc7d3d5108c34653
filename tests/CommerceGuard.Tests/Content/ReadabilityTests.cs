using CommerceGuard.Features.Content;

namespace CommerceGuard.Tests.Content;

/// <summary>
/// Flesch–Kincaid grades against reference texts whose words, sentences and syllables were
/// counted by hand (in the comments), and the rules of thumb for syllables against a dictionary's counts.
/// </summary>
public sealed class ReadabilityTests
{
    [Theory]
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
    [InlineData("The cat sat on the mat.", 6, 1, 6, -1.45)]
    // 7 words, 1 sentence, 31 syllables (con-sid-er-a-tion, of, or-gan-i-za-tion-al, re-spon-si-bil-i-ties,
    // ne-ces-si-tates, com-pre-hen-sive, e-val-u-a-tion): 0.39 × 7 + 11.8 × 31 / 7 − 15.59 = 39.40.
    [InlineData("Consideration of organizational responsibilities necessitates comprehensive evaluation.", 7, 1, 31, 39.40)]
    // 22 words (9 and 13), 2 sentences, 29 syllables (in-sur-ance 3, com-pa-ny 3, pre-mi-um 3, an-y 2, the
    // other 18 words 1 each): 0.39 × 11 + 11.8 × 29 / 22 − 15.59 = 4.25.
    [InlineData("You pay the insurance company a premium each month. If you miss one, the plan can end and any claim is lost.", 22, 2, 29, 4.25)]
    public void A_reference_text_scores_the_grade_its_hand_count_gives(string text, int words, int sentences, int syllables, double grade)
    {
        var score = Readability.Score([text]);

        Assert.Equal((words, sentences), (score.Words, score.Sentences));
        // Rules of thumb for syllables may miss one now and then; the grade stays within half a grade.
        Assert.InRange(score.Syllables, syllables - 1, syllables + 1);
        Assert.InRange(score.Grade, grade - 0.5, grade + 0.5);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("you", 1)]
    [InlineData("any", 2)]
    [InlineData("makes", 1)]
    [InlineData("liked", 1)]
    [InlineData("wanted", 2)]
    [InlineData("boxes", 2)]
    [InlineData("matches", 2)]
    [InlineData("table", 2)]
    [InlineData("premium", 3)]
    [InlineData("insurance", 3)]
    [InlineData("deductible", 4)]
    [InlineData("organizational", 6)]
    [InlineData("yesterday", 3)]
    [InlineData("evaluation", 5)]
    [InlineData("quality", 3)]
    [InlineData("language", 2)]
    [InlineData("2025", 1)]
    public void Syllables_follow_the_dictionary_for_common_words(string word, int syllables) =>
        Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence_but_lines_do()
    {
        var sentences = Readability.Sentences(["The law, 15 U.S.C. § 1692, applies to e.g. debt buyers. It was passed in 1977", "A list item without a stop"]);

        Assert.Equal(["The law, 15 U.S.C. § 1692, applies to e.g. debt buyers.", "It was passed in 1977", "A list item without a stop"], sentences);
    }

    [Fact]
    public void The_longest_sentences_come_first_and_short_ones_are_left_out()
    {
        var longest = Readability.Longest(["One two three four five six. One two three. One two three four five six seven eight nine ten."], count: 2, minimumWords: 5);

        Assert.Equal([10, 6], longest.Select(sentence => sentence.Words));
    }

    [Fact]
    public void No_words_score_grade_zero() =>
        Assert.Equal(0, Readability.Score(["", "  "]).Grade);
}
