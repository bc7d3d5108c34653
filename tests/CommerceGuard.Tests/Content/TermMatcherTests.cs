using CommerceGuard.Features.Content;

namespace CommerceGuard.Tests.Content;

public sealed class TermMatcherTests
{
    private static LinkTarget Target(string slug, params string[] names) => new(slug, names[0], $"About {names[0]}.", names);

    private static readonly TermMatcher Matcher = new([
        Target("account", "Account"),
        Target("health-savings-account", "Health Savings Account", "HSA"),
        Target("fee", "Fee"),
        Target("junk-fee", "Junk Fee", "hidden fee"),
        Target("c-plus-plus", "C++"),
        Target("401k-plan", "401(k) Plan", "401(k)"),
        Target("at-will-employment", "At-Will Employment"),
        Target("policy", "Policy"),
        Target("cafe", "Café"),
        Target("tax", "Tax"),
        new LinkTarget("the", "The", "A word.", ["The"], AutoLink: false),
    ]);

    private static List<(string Text, string Slug)> Mentions(string text) =>
        [.. Matcher.Find(text).Select(m => (text.Substring(m.Start, m.Length), m.Target.Slug))];

    [Fact]
    public void The_longest_name_wins_over_a_shorter_one_inside_it() =>
        Assert.Equal([("health savings account", "health-savings-account")], Mentions("Open a health savings account today."));

    [Fact]
    public void Matching_ignores_case() =>
        Assert.Equal([("HEALTH Savings ACCOUNT", "health-savings-account")], Mentions("My HEALTH Savings ACCOUNT."));

    [Fact]
    public void A_short_acronym_matches_only_in_capitals() =>
        Assert.Equal([("HSA", "health-savings-account")], Mentions("Ask about an HSA, not an hsa."));

    [Fact]
    public void A_terms_own_name_beats_another_terms_plural() =>
        Assert.Equal("damages", new TermMatcher([Target("damage", "Damage"), Target("damages", "Damages")]).Find("Courts award damages.").Single().Target.Slug);

    [Theory]
    [InlineData("File Form 1099-K today.")]
    [InlineData("An at-will contract.")]
    [InlineData("A pre-fee period.")]
    public void A_name_joined_to_another_word_by_a_hyphen_is_not_matched(string text)
    {
        var matcher = new TermMatcher([Target("form-1099", "Form 1099"), Target("will", "Will"), Target("fee", "Fee")]);

        Assert.Empty(matcher.Find(text));
    }

    [Theory]
    [InlineData("हिन्दू")]
    [InlineData("Mi𠀋")]
    public void Combining_marks_and_characters_beyond_the_basic_plane_stay_inside_their_word(string text)
    {
        var matcher = new TermMatcher([Target("hi", "हि"), Target("mi", "Mi")]);

        Assert.Empty(matcher.Find(text));
    }

    [Theory]
    [InlineData("accountant")]
    [InlineData("feedback")]
    [InlineData("taxonomy")]
    [InlineData("nofee")]
    public void Only_whole_words_match(string text) => Assert.Empty(Mentions(text));

    [Theory]
    [InlineData("Two fees were added.", "fees", "fee")]
    [InlineData("The fee's size.", "fee's", "fee")]
    [InlineData("Three policies apply.", "policies", "policy")]
    [InlineData("New taxes.", "taxes", "tax")]
    [InlineData("Watch for junk fees.", "junk fees", "junk-fee")]
    [InlineData("Hidden fees everywhere.", "Hidden fees", "junk-fee")]
    public void Plural_and_possessive_forms_match(string text, string mention, string slug) =>
        Assert.Equal([(mention, slug)], Mentions(text));

    [Theory]
    [InlineData("I write C++ daily.", "C++", "c-plus-plus")]
    [InlineData("Your 401(k) plan matters.", "401(k) plan", "401k-plan")]
    [InlineData("Check the 401(k).", "401(k)", "401k-plan")]
    [InlineData("Most jobs are at will employment.", "at will employment", "at-will-employment")]
    [InlineData("Most jobs are at-will employment.", "at-will employment", "at-will-employment")]
    public void Names_with_symbols_and_hyphens_match(string text, string mention, string slug) =>
        Assert.Equal([(mention, slug)], Mentions(text));

    [Theory]
    [InlineData("A cafe on the corner.", "cafe")]
    [InlineData("A CAFÉ on the corner.", "CAFÉ")]
    public void Accents_do_not_matter(string text, string mention) =>
        Assert.Equal([(mention, "cafe")], Mentions(text));

    [Fact]
    public void A_term_that_opted_out_is_never_matched() => Assert.Empty(Mentions("The end."));

    [Fact]
    public void Every_mention_is_found_in_order() =>
        Assert.Equal(["fee", "junk-fee", "fee"], Mentions("A fee, a junk fee, another fee.").Select(m => m.Slug));

    [Fact]
    public void A_name_claimed_by_two_terms_stays_with_the_first() =>
        Assert.Equal("one", new TermMatcher([Target("one", "Shared Name"), Target("two", "Other", "shared name")]).Find("shared name").Single().Target.Slug);

    [Fact]
    public void The_cost_of_matching_does_not_depend_on_how_many_terms_exist()
    {
        // Structural, not timed: a lookup walks at most as many trie levels as the longest name.
        var many = new TermMatcher(Enumerable.Range(0, 20_000).Select(i => Target($"t{i}", $"term number {i}")));

        Assert.Equal("t19999", many.Find("see term number 19999 here").Single().Target.Slug);
    }
}
