using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommerceGuard.Data.Sqlite;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Operations;
using CommerceGuard.Tests.Admin;
using CommerceGuard.Tests.Admin.Terms;
using CommerceGuard.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommerceGuard.Tests.Faults;

/// <summary>
/// The disk fills up while an edit is being saved: the editor is told in words that nothing was
/// saved and keeps the text typed, a program gets a 507 problem saying the same, the term and
/// its revisions are exactly as they were (no revision half written), and once there is room
/// again the same edit saves.
/// </summary>
/// <remarks>
/// How the disk fills: SQLite's <c>max_page_count</c>, set on every connection the app opens, to
/// the file's size when the disk is "full". SQLite then refuses to grow the file by one page with
/// the very error a full file system gives it, SQLITE_FULL ("database or disk is full"), through
/// the same code paths, so the app meets the real error. A real small file system (a tmpfs
/// mounted for the test) works as root on our machines, but mounting needs CAP_SYS_ADMIN, which
/// CI containers rarely have; this is deterministic and needs no privilege. PostgreSQL has no
/// such limit, so this runs on SQLite on both runs, and PostgreSQL's <c>disk_full</c> is checked
/// to be recognised as the same fault.
/// </remarks>
public sealed class FullDiskTests : IDisposable
{
    private readonly SmallDisk disk = new();
    private readonly GlossaryApp app;

    public FullDiskTests() => app = GlossaryApp.OnSqlite()
        .WithServices(services => services.ConfigureDbContext<SqliteGlossaryDb>((_, options) => options.AddInterceptors(disk)));

    [Fact]
    public async Task An_edit_saved_on_a_full_disk_is_refused_in_words_with_the_text_kept_and_saves_once_there_is_room()
    {
        var editor = await app.SignedInAsync(Roles.Editor);
        var id = await IdOfAsync("balance-billing");
        var page = id.ToString(CultureInfo.InvariantCulture);
        var before = await StoredAsync(id);
        await FillTheDiskAsync();

        var refused = await TermDesk.ShownAsync(await editor.EditAsync(page, "Save", ("Form.Definition", LongDefinition)));

        Assert.Contains("out of space, so nothing was saved", refused.ProblemText(), StringComparison.Ordinal);
        Assert.Equal(LongDefinition, ((IHtmlTextAreaElement)refused.QuerySelector("#field-definition")!).Value);
        Assert.Equal(before, await StoredAsync(id));

        disk.Full = false;
        using var saved = await editor.PostEditorAsync(page, "Save", TermDesk.FieldsOf(refused.QuerySelector<IHtmlFormElement>("#term-form")!));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await TermDesk.Problems(saved));
        Assert.Equal(LongDefinition, await NewestRevisionDefinitionAsync(id));
    }

    [Fact]
    public async Task A_program_saving_on_a_full_disk_is_answered_507_saying_nothing_was_saved_and_saves_once_there_is_room()
    {
        var program = await app.ProgramAsync(ApiScope.Publish);
        using var fetched = await program.GetAsync(new Uri("/api/v1/editing/terms/deductible", UriKind.Relative));
        var id = await IdOfAsync("deductible");
        var before = await StoredAsync(id);
        await FillTheDiskAsync();

        using var refused = await program.SendAsync(Put(fetched.Headers.ETag!));

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Nothing was saved", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(id));

        disk.Full = false;
        using var saved = await program.SendAsync(Put(fetched.Headers.ETag!));

        await saved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(LongDefinition, await NewestRevisionDefinitionAsync(id));
    }

    [Fact]
    public async Task A_readers_offer_sent_on_a_full_disk_gets_a_page_saying_nothing_was_saved_and_goes_through_once_there_is_room()
    {
        var offer = new List<KeyValuePair<string, string>>
        {
            new("Form.Name", "Ida Tarbell"), new("Form.Email", "ida@example.org"),
            new("Form.Message", new string('界', 2000)), new("Form.Consent", "true"),
        };
        await FillTheDiskAsync();

        using var refused = await app.Browser().SubmitAsync("/volunteer", offer);

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        var page = await Pages.ParseAsync(refused);
        Assert.Equal("Nothing was saved", page.QuerySelector("h1")!.Text());
        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(volunteer => volunteer.Email == "ida@example.org")));

        disk.Full = false;
        using var sent = await app.Browser().SubmitAsync("/volunteer", offer);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Volunteers.AnyAsync(volunteer => volunteer.Email == "ida@example.org")));
    }

    [Fact]
    public void PostgreSQL_out_of_disk_space_is_recognised_as_the_same_fault() =>
        Assert.True(DatabaseOutage.IsOutOfSpace(new DbUpdateException("An error occurred while saving the entity changes.",
            new PostgresException("could not extend file \"base/16384/16397\": No space left on device", "ERROR", "ERROR", "53100"))));

    public void Dispose() => app.Dispose();

    /// <summary>Far more than the pages the file has room for: its revision and the term's text each take several pages.</summary>
    private static readonly string LongDefinition = string.Join(' ', Enumerable.Range(1, 2000)
        .Select(word => string.Create(CultureInfo.InvariantCulture, $"w{word}")));

    private static HttpRequestMessage Put(System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/v1/editing/terms/deductible", UriKind.Relative))
        {
            Content = JsonContent.Create(new { title = "Deductible", definition = LongDefinition }),
        };
        request.Headers.IfMatch.Add(etag);
        return request;
    }

    /// <summary>
    /// Gives the free pages back first (VACUUM), since SQLite fills those before it grows the
    /// file; then no connection may grow the file.
    /// </summary>
    private async Task FillTheDiskAsync()
    {
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM"));
        Assert.Equal(0L, await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT freelist_count AS \"Value\" FROM pragma_freelist_count").SingleAsync()));
        disk.Full = true;
    }

    private Task<int> IdOfAsync(string slug) =>
        app.WithDbAsync(db => db.Terms.Where(term => term.Slug == slug).Select(term => term.Id).SingleAsync());

    /// <summary>The term's row and every revision of it, as stored.</summary>
    private Task<string> StoredAsync(int id) => app.WithDbAsync(async db =>
    {
        var term = await db.Terms.AsNoTracking().SingleAsync(term => term.Id == id);
        var revisions = await db.Revisions.AsNoTracking().Where(revision => revision.TermId == id).OrderBy(revision => revision.Number)
            .Select(revision => new { revision.Number, revision.Summary, revision.Content }).ToListAsync();
        var changes = await db.TermChanges.CountAsync();
        return JsonSerializer.Serialize(new
        {
            term.Version, term.Title, term.Definition, term.Status, term.ContentRevision, term.PendingRevision, term.PendingStatus, term.ModifiedAt,
            Revisions = revisions, Changes = changes,
        });
    });

    private Task<string> NewestRevisionDefinitionAsync(int id) => app.WithDbAsync(async db =>
        Revision.Read(await db.Revisions.Where(revision => revision.TermId == id)
            .OrderByDescending(revision => revision.Number).Select(revision => revision.Content).FirstAsync()).Definition);

    /// <summary>A disk that is full while <see cref="Full"/> is set: the database file may not grow.</summary>
    private sealed class SmallDisk : DbConnectionInterceptor
    {
        public volatile bool Full;

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Limit(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Limit(connection);
            return Task.CompletedTask;
        }

        /// <summary>Asked for fewer pages than the file has, SQLite takes the file's size: not one page more.</summary>
        private void Limit(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Full ? "PRAGMA max_page_count = 1" : "PRAGMA max_page_count = 1073741823";
            command.ExecuteNonQuery();
        }
    }
}
