using AngleSharp.Html.Parser;
using CommerceGuard.Features.Content;

namespace CommerceGuard.Tests.Content;

/// <summary>How term text links to other terms, written as the HTML a reader gets.</summary>
public sealed class TermLinkingTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly TermLinks Glossary = new([
        new("doctor", "Doctor", "A licensed physician.", ["Doctor", "physician"]),
        new("nurse", "Nurse", "A licensed carer.", ["Nurse"]),
        new("premium", "Premium", "What cover costs.", ["Premium"]),
        new("health-savings-account", "Health Savings Account", "A tax-free account.", ["Health Savings Account"]),
        new("account", "Account", "A record.", ["Account"]),
        new("plan", "Plan", "Too common to link.", ["Plan"], AutoLink: false),
    ]);

    private static string Render(string markdown, string? self = null, AutoLinkScope scope = AutoLinkScope.Page) =>
        Renderer.Render(markdown, new LinkingSession(Glossary, self, scope)).ToString()!;

    private static List<(string Href, string Text)> Links(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("a").Select(a => (a.GetAttribute("href")!, a.TextContent))];

    [Fact]
    public void The_first_mention_of_a_term_becomes_a_link_with_its_summary()
    {
        var html = Render("Ask a doctor. The doctor may refer you to a nurse.");

        Assert.Equal([("/glossary/doctor", "doctor"), ("/glossary/nurse", "nurse")], Links(html));
        Assert.Contains("class=\"term-link\"", html, StringComparison.Ordinal);
        Assert.Contains("data-summary=\"A licensed physician.\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_links_to_its_term() =>
        Assert.Equal([("/glossary/doctor", "physician")], Links(Render("See a physician.")));

    [Fact]
    public void The_longest_name_is_linked() =>
        Assert.Equal([("/glossary/health-savings-account", "health savings account")], Links(Render("A health savings account.")));

    [Fact]
    public void A_term_never_links_to_itself() =>
        Assert.Equal([("/glossary/nurse", "nurse")], Links(Render("A doctor and a nurse.", self: "doctor")));

    [Fact]
    public void A_term_that_opted_out_is_not_linked_automatically_but_can_be_linked_by_name()
    {
        Assert.Empty(Links(Render("Make a plan.")));
        Assert.Equal([("/glossary/plan", "plan")], Links(Render("Make a [[Plan|plan]].")));
    }

    [Theory]
    [InlineData("[Call your doctor](https://example.org)")]
    [InlineData("Type `doctor` in the box.")]
    [InlineData("```\ndoctor\n```")]
    [InlineData("# Doctor")]
    [InlineData("An <abbr title=\"x\">doctor</abbr> note.")]
    [InlineData("Plain <!-- nolink -->doctor<!-- /nolink --> text.")]
    public void Text_inside_links_code_headings_markup_and_no_link_markers_is_left_alone(string markdown) =>
        Assert.DoesNotContain("/glossary/doctor", Render(markdown), StringComparison.Ordinal);

    [Fact]
    public void A_no_link_marker_can_cover_whole_paragraphs()
    {
        var html = Render("<!-- nolink -->\n\nA doctor.\n\n<!-- /nolink -->\n\nA nurse and a doctor.");

        Assert.Equal([("/glossary/nurse", "nurse"), ("/glossary/doctor", "doctor")], Links(html));
    }

    [Theory]
    [InlineData("A health savings\naccount helps.", "health savings\naccount")]
    [InlineData("A health&#32;savings account helps.", "health savings account")]
    public void A_name_broken_by_a_line_or_an_entity_is_still_found_whole(string markdown, string text) =>
        Assert.Equal([("/glossary/health-savings-account", text)], Links(Render(markdown)));

    [Fact]
    public void A_name_split_by_emphasis_is_left_unlinked_rather_than_cut_short() =>
        Assert.Empty(Links(Render("A health **savings** account.")));

    [Fact]
    public void Names_with_symbols_are_found_in_rendered_text()
    {
        var glossary = new TermLinks([new("c-plus-plus", "C++", "A language.", ["C++"]), new("att", "AT&T", "A company.", ["AT&T"])]);

        var html = Renderer.Render("I write C++ for AT&amp;T.", new LinkingSession(glossary)).ToString()!;

        Assert.Equal([("/glossary/c-plus-plus", "C++"), ("/glossary/att", "AT&T")], Links(html));
    }

    [Fact]
    public void Links_written_by_hand_are_resolved_in_headings_too()
    {
        var html = Render("# See [[Doctor]] and [this](/glossary/nope)");

        Assert.Equal([("/glossary/doctor", "Doctor")], Links(html));
        Assert.Contains("data-missing-term=\"nope\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_written_by_hand_are_resolved_inside_no_link_passages()
    {
        var html = Render("<!-- nolink -->\n\n- A doctor, see [[Nurse]].\n\n<!-- /nolink -->");

        Assert.Equal([("/glossary/nurse", "Nurse")], Links(html));
    }

    [Theory]
    [InlineData("<a class=\"term-link\" href=\"https://evil.example/\" data-summary=\"Call 555-0100\">doctor</a>")]
    [InlineData("<span class=\"missing-term\" data-missing-term=\"fake\">x</span>")]
    [InlineData("<span data-cg=\"guess\" class=\"term-link\">x</span>")]
    public void An_author_cannot_imitate_the_pipelines_own_markup(string markdown)
    {
        var html = Render(markdown);

        Assert.DoesNotContain("class=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protocol_relative_link_counts_as_leaving_the_site() =>
        Assert.Contains("rel=\"noopener noreferrer\"", Render("[x](//elsewhere.example/page)"), StringComparison.Ordinal);

    [Fact]
    public void The_pipelines_marks_never_reach_the_page() =>
        Assert.DoesNotContain("data-cg", Render("A doctor and [[Nope]]."), StringComparison.Ordinal);

    [Fact]
    public void Mentions_inside_emphasis_are_linked() =>
        Assert.Equal([("/glossary/premium", "premium")], Links(Render("Pay the **premium** on time.")));

    [Fact]
    public void With_page_scope_a_term_is_linked_once_across_sections()
    {
        var session = new LinkingSession(Glossary, scope: AutoLinkScope.Page);

        var first = Renderer.Render("A doctor.", session).ToString()!;
        var second = Renderer.Render("Another doctor.", session).ToString()!;

        Assert.Single(Links(first));
        Assert.Empty(Links(second));
    }

    [Fact]
    public void With_section_scope_a_term_is_linked_once_in_each_section()
    {
        var session = new LinkingSession(Glossary, scope: AutoLinkScope.Section);

        Assert.Single(Links(Renderer.Render("A doctor, a doctor.", session).ToString()!));
        Assert.Single(Links(Renderer.Render("Another doctor.", session).ToString()!));
    }

    [Theory]
    [InlineData("See [[Doctor]].", "/glossary/doctor", "Doctor")]
    [InlineData("See [[doctor|your physician]].", "/glossary/doctor", "your physician")]
    [InlineData("See [[physician]].", "/glossary/doctor", "physician")]
    [InlineData("See [[health-savings-account|an HSA]].", "/glossary/health-savings-account", "an HSA")]
    public void Wiki_links_resolve_by_title_alias_or_slug(string markdown, string href, string text) =>
        Assert.Equal([(href, text)], Links(Render(markdown)));

    [Theory]
    [InlineData("See [[Astrology Fee]].", "Astrology Fee", "Astrology Fee")]
    [InlineData("See [[Astrology Fee|the fee]].", "Astrology Fee", "the fee")]
    [InlineData("See [the fee](/glossary/astrology-fee).", "astrology-fee", "the fee")]
    public void A_link_to_a_term_that_does_not_exist_is_plain_text_with_a_marker(string markdown, string missing, string text)
    {
        var document = new HtmlParser().ParseDocument(Render(markdown));

        Assert.Empty(document.QuerySelectorAll("a"));
        var marker = document.QuerySelector("span.missing-term")!;
        Assert.Equal(missing, marker.GetAttribute("data-missing-term"));
        Assert.Equal(text, marker.TextContent);
    }

    [Fact]
    public void An_authors_link_to_a_term_counts_as_its_first_mention()
    {
        var links = Links(Render("[Doctors](/glossary/doctor) help. A doctor listens."));

        Assert.Equal([("/glossary/doctor", "Doctors")], links);
    }

    [Fact]
    public void A_link_to_a_category_is_left_as_written() =>
        Assert.Equal([("/glossary/category/insurance", "insurance")], Links(Render("See [insurance](/glossary/category/insurance).")));

    [Fact]
    public void Without_a_linking_session_text_is_rendered_as_written() =>
        Assert.Empty(Links(Renderer.Render("A doctor.").ToString()!));
}
