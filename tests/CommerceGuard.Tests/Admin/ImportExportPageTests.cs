using System.IO.Compression;
using System.Net;
using CommerceGuard.Tests.Hostile;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommerceGuard.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Admin;

/// <summary>The back office's import and export pages: check a file, import it, take the glossary out.</summary>
public sealed class ImportExportPageTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private const string Csv = "title,slug,definition\r\nGrace period web,grace-period-web,Days after a due date when a late payment still counts.\r\n";

    /// <summary>Uploads the file through the import page's form, choosing as a person would.</summary>
    private static async Task<IHtmlDocument> UploadAsync(HttpClient desk, string fileName, byte[] bytes, bool import, params (string Name, string Value)[] choices)
    {
        var page = await desk.GetPageAsync("/admin/import");
        var token = page.QuerySelector<IHtmlInputElement>("#import-form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(import ? "true" : "false"), "Import" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        foreach (var (name, value) in choices)
        {
            form.Add(new StringContent(value), name);
        }
        using var response = await desk.PostAsync(new Uri("/admin/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Pages.ParseAsync(response);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return memory.ToArray();
    }

    private Task<int> CountAsync(string slugStart) => app.WithDbAsync(db => db.Terms.CountAsync(term => term.Slug.StartsWith(slugStart)));

    [Fact]
    public async Task Checking_a_file_writes_nothing_and_importing_it_writes_it()
    {
        var desk = await app.SignedInAsync(Roles.Editor);

        var checkedPage = await UploadAsync(desk, "terms.csv", Encoding.UTF8.GetBytes(Csv), import: false);

        Assert.Contains("Checked, nothing written. An import would create 1", checkedPage.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("grace-period-web"));

        var imported = await UploadAsync(desk, "terms.csv", Encoding.UTF8.GetBytes(Csv), import: true, ("Status", "draft"));

        Assert.Contains("Imported: 1 created", imported.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("grace-period-web"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Action == "glossary.imported" && entry.Subject == "terms.csv")));
    }

    [Fact]
    public async Task A_rejected_file_is_reported_line_by_line_on_the_page()
    {
        var desk = await app.SignedInAsync(Roles.Editor);

        var page = await UploadAsync(desk, "bad.csv", Encoding.UTF8.GetBytes("title,definition\r\nFine web,Fine.\r\nFormula web,=HYPERLINK(\"x\")\r\n"), import: true);

        Assert.Contains("Nothing was written: 1 record(s) rejected", page.QuerySelector(".import-report [role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 3:", page.QuerySelector(".report-lines")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("fine-web"));
    }

    [Fact]
    public async Task A_zipped_markdown_folder_is_imported()
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        var zip = Zip(("glossary/terms/zipped-term-a.md", "---\ntitle: Zipped term A\n---\nA definition from a zip.\n"),
            ("glossary/terms/zipped-term-b.md", "---\ntitle: Zipped term B\n---\nAnother one.\n"));

        var page = await UploadAsync(desk, "folder.zip", zip, import: true);

        Assert.Contains("Imported: 2 created", page.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("zipped-term-"));
    }

    [Fact]
    public async Task The_markdown_zip_the_export_page_gives_comes_back_in_with_its_categories()
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        using var export = await desk.SubmitAsync("/admin/export", [new("format", "markdown")]);
        var zip = await export.Content.ReadAsByteArrayAsync();

        var page = await UploadAsync(desk, "glossary.zip", zip, import: false);

        var terms = await app.WithDbAsync(db => db.Terms.CountAsync());
        Assert.Contains($"leave {terms} unchanged", page.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_of_a_folder_with_its_categories_brings_the_categories()
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        var zip = Zip(("wrapped/categories.json", """[{ "slug": "zipped-category", "name": "Zipped category" }]"""),
            ("wrapped/terms/zipped-with-category.md", "---\ntitle: Zipped with category\ncategories: [zipped-category]\n---\nText.\n"));

        var page = await UploadAsync(desk, "wrapped.zip", zip, import: true);

        Assert.Contains("New categories: 1.", page.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Slug == "zipped-with-category" && term.Categories.Any(category => category.Slug == "zipped-category"))));
    }

    [Fact]
    public async Task A_zip_whose_names_clash_is_refused()
    {
        var desk = await app.SignedInAsync(Roles.Editor);

        var page = await UploadAsync(desk, "clash.zip", Zip(("a", "file"), ("a/b.md", "---\ntitle: B\n---\nx\n")), import: true);

        Assert.Contains("clash.zip: its files cannot be unpacked as they are named", page.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_entry_that_climbs_out_of_its_folder_is_refused()
    {
        var desk = await app.SignedInAsync(Roles.Editor);

        var page = await UploadAsync(desk, "evil.zip", Zip(("../../escaped.md", "---\ntitle: Escaped\n---\nx\n")), import: true);

        Assert.Contains("evil.zip: the entry \"../../escaped.md\" points outside the folder", page.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("escaped"));
    }

    [Theory]
    [InlineData("../../../../../../tmp/{0}.csv")]
    [InlineData("..\\..\\..\\..\\tmp\\{0}.csv")]
    [InlineData("/tmp/{0}.csv")]
    [InlineData("%2e%2e%2f%2e%2e%2ftmp%2f{0}.csv")]
    public async Task An_uploaded_file_named_to_climb_out_of_its_folder_is_kept_inside_it(string name)
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        var marker = $"cg-climbed-{Guid.NewGuid():N}";

        var page = await UploadAsync(desk, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, marker), Encoding.UTF8.GetBytes(Csv), import: false);

        Assert.Contains("Checked, nothing written", page.QuerySelector(".import-report")!.Text(), StringComparison.Ordinal);
        Assert.False(File.Exists($"/tmp/{marker}.csv"));
        Assert.Empty(ActiveMarkup.In(page));
    }

    [Fact]
    public async Task Importing_without_a_file_says_so()
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        var page = await desk.GetPageAsync("/admin/import");
        var token = page.QuerySelector<IHtmlInputElement>("#import-form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };

        using var response = await desk.PostAsync(new Uri("/admin/import", UriKind.Relative), form);

        Assert.Equal("Choose a file to import.", (await Pages.ParseAsync(response)).QuerySelector(".error-summary")!.Text());
    }

    [Fact]
    public async Task A_json_export_downloads_as_a_file_of_every_term()
    {
        var desk = await app.SignedInAsync(Roles.Editor);
        var terms = await app.WithDbAsync(db => db.Terms.CountAsync());

        using var response = await desk.SubmitAsync("/admin/export", [new("format", "json")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^glossary-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(terms, document.RootElement.GetProperty("terms").GetArrayLength());
    }

    [Fact]
    public async Task A_markdown_export_downloads_as_a_zip_of_the_folder()
    {
        var desk = await app.SignedInAsync(Roles.Editor);

        using var response = await desk.SubmitAsync("/admin/export", [new("format", "markdown")]);

        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, entry => entry.FullName == "categories.json");
        Assert.Equal(await app.WithDbAsync(db => db.Terms.CountAsync()), zip.Entries.Count(entry => entry.FullName.StartsWith("terms/", StringComparison.Ordinal)));
    }
}
