using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommerceGuard.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommerceGuard.Tests.Shared;

/// <summary>
/// The site's words in Spanish (SiteText.es.resx) translate the English ones key for key: none
/// stands alone, and each keeps the placeholders the code fills in.
/// </summary>
public sealed partial class SiteTextTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "src", "CommerceGuard", "Features", "Shared");

    [Fact]
    public void Every_spanish_text_translates_an_english_one_with_the_same_placeholders()
    {
        var english = Texts("SiteText.resx");
        var spanish = Texts("SiteText.es.resx");

        Assert.NotEmpty(spanish);
        Assert.All(spanish, text =>
        {
            Assert.True(english.ContainsKey(text.Key), $"{text.Key} is not in SiteText.resx");
            Assert.Equal(Placeholders(english[text.Key]), Placeholders(text.Value));
            Assert.NotEqual("", text.Value.Trim());
        });
    }

    [Fact]
    public void The_spanish_texts_are_built_into_the_app_and_read_as_any_other()
    {
        using var app = new GlossaryApp();
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SiteText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es-US");
            Assert.Equal("Glosario", localizer["Nav.Glossary"].Value);
            Assert.Equal("Ejemplo n.º 2", localizer["Term.Example", 2].Value);
            // Not translated yet: the English words stand in.
            Assert.Equal("Sign in", localizer["SignIn.Title"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string)data.Element("value")!);

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
