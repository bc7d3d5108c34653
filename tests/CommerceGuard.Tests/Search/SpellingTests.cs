using CommerceGuard.Features.Search;

namespace CommerceGuard.Tests.Search;

public sealed class SpellingTests
{
    [Theory]
    [InlineData("premium", "premium", 0)]
    [InlineData("insurence", "insurance", 1)]
    [InlineData("arbitartion", "arbitration", 1)]
    [InlineData("deductable", "deductible", 1)]
    [InlineData("arbitraton", "arbitration", 1)]
    [InlineData("cmopete", "compete", 1)]
    [InlineData("premuim", "premium", 1)]
    [InlineData("comsumer", "consumer", 1)]
    [InlineData("consmer", "consumer", 1)]
    [InlineData("arbitrtion", "arbitration", 1)]
    [InlineData("arbtraton", "arbitration", 2)]
    public void A_word_is_as_far_from_another_as_the_edits_between_them(string typed, string word, int edits) =>
        Assert.Equal(edits, Spelling.Distance(typed, word, limit: 2, asPrefix: false));

    [Theory]
    [InlineData("cat", "dog")]
    [InlineData("fee", "fiduciary")]
    public void Past_the_limit_the_distance_is_one_more_than_the_limit(string typed, string word) =>
        Assert.Equal(2, Spelling.Distance(typed, word, limit: 1, asPrefix: false));

    [Theory]
    [InlineData("insur", "insurance", 0)]
    [InlineData("insurn", "insurance", 1)]
    [InlineData("isnur", "insurance", 1)]
    [InlineData("arbitar", "arbitration", 1)]
    public void Typed_letters_may_be_the_start_of_a_longer_word(string typed, string word, int edits) =>
        Assert.Equal(edits, Spelling.Distance(typed, word, limit: 1, asPrefix: true));

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(15, 2)]
    public void One_typo_is_forgiven_from_4_letters_and_two_from_8(int length, int edits) =>
        Assert.Equal(edits, TitleWords.EditsAllowed(length));
}
