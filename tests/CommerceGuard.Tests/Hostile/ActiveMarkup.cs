using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommerceGuard.Tests.Hostile;

/// <summary>
/// Finds whatever in a page could run script or send the reader elsewhere without asking: inline
/// or foreign scripts, event-handler attributes, script-bearing addresses, frames, plugins, base
/// and refresh elements, inline styles, and forms or links that write a page of their own. The
/// site itself uses none of them (only external scripts of its own and JSON-LD), so anything
/// found came from content.
/// </summary>
public static class ActiveMarkup
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] ForbiddenElements =
        ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "math", "noscript", "template"];

    private static readonly string[] AddressAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "lowsrc", "dynsrc", "ping"];

    public static IReadOnlyList<string> In(string html) => In(Parser.ParseDocument(html));

    public static IReadOnlyList<string> In(IDocument page)
    {
        var found = new List<string>();
        foreach (var element in page.All)
        {
            var name = element.LocalName;
            if (name == "script" && ScriptProblem(element) is { } script)
            {
                found.Add(script);
            }
            if (ForbiddenElements.Contains(name))
            {
                found.Add($"<{name}> element");
            }
            if (name == "meta" && element.GetAttribute("http-equiv") is { } equiv && !equiv.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                found.Add($"<meta http-equiv=\"{equiv}\">");
            }
            if (name == "form" && element.GetAttribute("action") is { } action && !action.StartsWith('/'))
            {
                found.Add($"<form action=\"{action}\"> that posts elsewhere");
            }
            if (name == "svg" && element.QuerySelector("script, foreignObject, animate, set") is { } inside)
            {
                found.Add($"<svg> holding <{inside.LocalName}>");
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"<{name} {attribute.Name}=…> event handler");
                }
                else if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"<{name} style=…> inline style");
                }
                else if (AddressAttributes.Contains(attribute.Name.ToLowerInvariant()) && IsScriptAddress(attribute.Value))
                {
                    found.Add($"<{name} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }
        return found;
    }

    private static string? ScriptProblem(IElement script)
    {
        if (script.GetAttribute("src") is { } src)
        {
            return src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) ? null : $"<script src=\"{src}\"> from elsewhere";
        }
        if (script.GetAttribute("type") == "application/ld+json")
        {
            try
            {
                using var _ = JsonDocument.Parse(script.TextContent);
                return null;
            }
            catch (JsonException)
            {
                return "JSON-LD that is not JSON (something broke out of it)";
            }
        }
        return "inline <script>";
    }

    /// <summary>A scheme that runs or renders something, as browsers read it: with whitespace and control characters ignored.</summary>
    private static bool IsScriptAddress(string value)
    {
        var squeezed = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal)
            || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || (squeezed.StartsWith("data:", StringComparison.Ordinal) && !squeezed.StartsWith("data:image/png", StringComparison.Ordinal));
    }
}
