using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Tests.Glossary;

public sealed class AlphabetIndexTests
{
    private static readonly AlphabetIndex Spanish = AlphabetIndex.For("es");

    [Theory]
    [InlineData("Deductible", "D")]
    [InlineData("deductible", "D")]
    [InlineData("Éclair", "E")]
    [InlineData("Ñandú", "N")]
    [InlineData("Øre", "O")]
    [InlineData("401(k) Plan", "#")]
    [InlineData("“Quoted” Term", "Q")]
    [InlineData("$5 Fee", "#")]
    [InlineData("Ωmega", "#")]
    [InlineData("", "#")]
    public void A_title_files_under_its_first_letter_without_accents_or_under_hash(string title, string heading) =>
        Assert.Equal(heading, AlphabetIndex.For(Languages.Default).HeadingFor(title));

    [Fact]
    public void Headings_are_hash_then_A_to_Z()
    {
        Assert.Equal(27, AlphabetIndex.For(Languages.Default).Headings.Count);
        Assert.Equal("#", AlphabetIndex.For(Languages.Default).Headings[0]);
        Assert.Equal("A", AlphabetIndex.For(Languages.Default).Headings[1]);
        Assert.Equal("Z", AlphabetIndex.For(Languages.Default).Headings[^1]);
    }

    [Fact]
    public void Groups_come_in_jump_bar_order_with_titles_sorted_ignoring_case_and_accents()
    {
        string[] titles = ["zebra", "Éclair", "apple", "401(k)", "eagle", "Apricot", "Ecology", "éclat"];

        var groups = AlphabetIndex.For(Languages.Default).Group(titles, title => title);

        Assert.Equal(["#", "A", "E", "Z"], groups.Select(group => group.Heading));
        Assert.Equal(["apple", "Apricot"], groups[1].Items);
        Assert.Equal(["eagle", "Éclair", "éclat", "Ecology"], groups[2].Items);
    }

    [Fact]
    public void No_titles_give_no_groups() =>
        Assert.Empty(AlphabetIndex.For(Languages.Default).Group(Array.Empty<string>(), title => title));

    [Theory]
    [InlineData("Ñandú", "Ñ")]
    [InlineData("ñoño", "Ñ")]
    [InlineData("Nómina", "N")]
    [InlineData("Índice", "I")]
    [InlineData("Úlcera", "U")]
    [InlineData("Chequeo", "C")]
    [InlineData("401(k)", "#")]
    public void In_spanish_n_with_tilde_is_a_letter_of_its_own_and_accents_are_not(string title, string heading) =>
        Assert.Equal(heading, Spanish.HeadingFor(title));

    [Fact]
    public void The_spanish_jump_bar_has_n_with_tilde_after_n()
    {
        Assert.Equal(28, Spanish.Headings.Count);
        Assert.Equal(["N", "Ñ", "O"], Spanish.Headings.SkipWhile(heading => heading != "N").Take(3));
    }

    [Fact]
    public void Spanish_titles_sort_with_n_with_tilde_after_every_n()
    {
        string[] titles = ["ñandú", "nulo", "Número", "nadar", "oficio", "Ñu"];

        var groups = Spanish.Group(titles, title => title);

        Assert.Equal(["N", "Ñ", "O"], groups.Select(group => group.Heading));
        Assert.Equal(["nadar", "nulo", "Número"], groups[0].Items);
        Assert.Equal(["ñandú", "Ñu"], groups[1].Items);
        Assert.True(Spanish.TitleOrder.Compare("nulo", "ñandú") < 0);
    }

    [Theory]
    [InlineData("ñ", "Ñ")]
    [InlineData("n", "N")]
    [InlineData("#", "#")]
    [InlineData("ç", null)]
    public void A_typed_letter_names_its_heading(string typed, string? heading) =>
        Assert.Equal(heading, Spanish.Heading(typed));
}
