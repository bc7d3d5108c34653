using AngleSharp.Html.Parser;
using CommerceGuard.Features.Content;

namespace CommerceGuard.Tests.Content;

/// <summary>No text an author (or an import) supplies ever becomes active markup on a page.</summary>
public sealed class HostileInputTests
{
    private static readonly MarkdownRenderer Renderer = new();
    private static readonly TermLinks Glossary = new([new("doctor", "Doctor", "A \"licensed\" <b>physician</b>.", ["Doctor"])]);

    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "select", "style", "link",
         "meta", "base", "svg", "math", "img", "video", "audio", "source", "template", "applet", "marquee"];

    // Drawn from the OWASP XSS filter-evasion cheat sheet and browser-quirk reports, adapted to Markdown.
    public static TheoryData<string> Attacks() =>
    [
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;\">x</a>",
        "<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert('XSS');\">x</a>",
        "<a href=\" &#14;  javascript:alert('XSS');\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](  javascript:alert(1) )",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<BODY ONLOAD=alert('XSS')>",
        "<svg/onload=alert('XSS')>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
        "<math><mi xlink:href=\"data:x,<script>alert(4)</script>\">hover</mi></math>",
        "<math><maction actiontype=\"statusline#http://x\" xlink:href=\"javascript:alert(1)\">x</maction></math>",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td>x</td></tr></TABLE>",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
        "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<details open ontoggle=alert(1)>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<p><b><i>unclosed <a href=\"x\" onclick=\"alert(1)\">nested",
        "</p></div></body></html><script>alert(1)</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><script>alert(1)</script></template>",
        "<a href=\"https://example.org\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">cover</a>",
        "[[<script>alert(1)</script>]]",
        "[[Doctor|<img src=x onerror=alert(1)>]]",
        "[[x\" onmouseover=\"alert(1)]]",
        "[doctor](/glossary/doctor\" onmouseover=\"alert(1))",
        "A doctor <!-- --><script>alert(1)</script><!-- -->",
        "<abbr title=\"x\" onclick=\"alert(1)\">APR</abbr>",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void An_attack_never_becomes_active_markup(string markdown)
    {
        AssertInert(Renderer.Render(markdown, new LinkingSession(Glossary)).ToString()!);
        AssertInert(Renderer.Render(markdown).ToString()!);
    }

    [Theory]
    [InlineData(20_000, "<div>")]
    [InlineData(20_000, "<b><i>")]
    [InlineData(50_000, "[[")]
    [InlineData(50_000, "> ")]
    [InlineData(20_000, "* ")]
    [InlineData(100_000, "doctor ")]
    public void Very_long_or_deeply_nested_input_renders_inert(int repeat, string piece)
    {
        var markdown = string.Concat(Enumerable.Repeat(piece, repeat)) + "<script>alert(1)</script>";

        AssertInert(Renderer.Render(markdown, new LinkingSession(Glossary)).ToString()!);
    }

    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("src", attribute.Name);
                if (attribute.Name is "href")
                {
                    AssertSafeUrl(attribute.Value);
                }
            }
        }
    }

    private static void AssertSafeUrl(string url)
    {
        var squeezed = new string([.. url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        Assert.True(
            squeezed.StartsWith('/') || squeezed.StartsWith('#')
            || squeezed.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || squeezed.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || squeezed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || !squeezed.Contains(':', StringComparison.Ordinal),
            $"unsafe address {url}");
    }
}
