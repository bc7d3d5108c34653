using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CommerceGuard.Tests.Syndication;

/// <summary>Validates documents against the schemas in <c>Syndication/Schemas</c>, listing every problem with its line.</summary>
public static class XmlSchemas
{
    public static List<string> Problems(string xml, string schemaFile)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Syndication", "Schemas", schemaFile)))
        {
            schemas.Add(null, reader);
        }
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, problem) =>
            problems.Add($"line {problem.Exception.LineNumber}: {problem.Severity}: {problem.Message}");
        using var validating = XmlReader.Create(new StringReader(xml), settings);
        while (validating.Read())
        {
        }
        return problems;
    }

    public static void AssertValid(string xml, string schemaFile)
    {
        var problems = Problems(xml, schemaFile);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static string Text(XDocument document) => document.Declaration + document.ToString(SaveOptions.DisableFormatting);
}
