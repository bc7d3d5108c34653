using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Tests.Api;
using CommerceGuard.Tests.Operations;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommerceGuard.Tests.Faults;

/// <summary>
/// <c>kill -9</c> of the site while people save: the site runs as a process of its own, eight
/// programs save edits through the editing API at once, each to its own term, and the process is
/// killed in the middle of that. Started again on the same database, every edit that was answered
/// 2xx is there with its revision, each term says what its newest revision says (an edit whose
/// answer was lost may or may not have landed, whole), the database is sound, and the site takes
/// edits again. On whichever database the tests run on.
/// </summary>
[Collection(nameof(Timed))]
public sealed class KilledSiteTests(ITestOutputHelper log) : IDisposable
{
    private const int Writers = 8;

    /// <summary>Edits answered before the kill: enough that it lands while every writer is mid-stream.</summary>
    private const int AcknowledgedBeforeTheKill = 80;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Api:RateLimit:KeyPermits"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private readonly GlossaryApp app = new();

    [Fact]
    public async Task Every_edit_acknowledged_before_the_kill_is_there_with_its_revision_after_the_restart()
    {
        var key = (await app.IssueKeyAsync(ApiScope.Publish)).Secret;
        var writers = Enumerable.Range(1, Writers).Select(number => new Writer(number)).ToArray();

        using (var site = await AppProcess.ServeAsync(app, Settings))
        {
            using var writing = ApiProgram(site, key);
            var saving = writers.Select(writer => writer.SaveUntilTheSiteDiesAsync(writing)).ToArray();
            var waited = Stopwatch.StartNew();
            while (writers.Sum(writer => writer.AcknowledgedCount) < AcknowledgedBeforeTheKill || writers.Any(writer => writer.AcknowledgedCount == 0))
            {
                Assert.True(saving.All(task => !task.IsCompleted), $"A writer stopped before the kill:\n{Refusals(writers)}{site.Output}");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"Only {writers.Sum(writer => writer.AcknowledgedCount)} edits were saved in 60 s.");
                await Task.Delay(20);
            }
            site.Kill();
            await Task.WhenAll(saving);
        }
        Assert.True(writers.All(writer => writer.Refused is null), Refusals(writers));

        using var restarted = await AppProcess.ServeAsync(app, Settings);
        if (!app.OnPostgresDatabase)
        {
            Assert.Equal("ok", KilledImportTests.IntegrityCheck(app.DatabaseFile));
        }
        await EachTermSaysWhatItsNewestRevisionSaysAsync();
        using var program = ApiProgram(restarted, key);
        var landed = 0;
        foreach (var writer in writers)
        {
            var revisions = await RevisionsOfAsync(writer.Slug);
            Assert.All(writer.Acknowledged, definition => Assert.Contains(definition, revisions));
            Assert.InRange(revisions.Count, writer.Acknowledged.Count, writer.Acknowledged.Count + 1);
            using var stored = await program.GetAsync(new Uri($"/api/v1/editing/terms/{writer.Slug}", UriKind.Relative));
            await stored.ExpectAsync(HttpStatusCode.OK);
            var definition = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition").GetString();
            Assert.Contains(definition, new[] { writer.Acknowledged[^1], writer.InFlight });
            landed += definition == writer.InFlight ? 1 : 0;
            using var again = await writer.PutAsync(program, stored.Headers.ETag!, "Saved after the restart.");
            await again.ExpectAsync(HttpStatusCode.OK);
        }
        log.WriteLine($"{writers.Sum(writer => writer.Acknowledged.Count)} edits acknowledged before the kill, all kept; " +
            $"{writers.Count(writer => writer.InFlight is not null)} unanswered, of which {landed} landed.");
    }

    public void Dispose() => app.Dispose();

    /// <summary>
    /// A term and its revisions are written in one transaction, so a term's working text is its
    /// newest revision: the next version's, when it has one, otherwise the term's own columns.
    /// </summary>
    private Task EachTermSaysWhatItsNewestRevisionSaysAsync() => app.WithDbAsync(async db =>
    {
        var newest = (await db.Revisions.AsNoTracking().ToListAsync())
            .GroupBy(revision => revision.TermId)
            .ToDictionary(group => group.Key, group => group.MaxBy(revision => revision.Number)!);
        var terms = await db.Terms.AsNoTracking().Where(term => newest.Keys.Contains(term.Id)).ToListAsync();
        Assert.Equal(newest.Count, terms.Count);
        Assert.All(terms, term =>
        {
            var revision = newest[term.Id];
            Assert.Equal(revision.Number, term.PendingRevision ?? term.ContentRevision);
            if (term.PendingRevision is null)
            {
                var content = revision.ReadContent();
                Assert.Equal((content.Title, content.Definition), (term.Title, term.Definition));
            }
        });
    });

    private Task<List<string>> RevisionsOfAsync(string slug) => app.WithDbAsync(async db =>
        (await db.Revisions.AsNoTracking()
            .Where(revision => db.Terms.Any(term => term.Id == revision.TermId && term.Slug == slug))
            .OrderBy(revision => revision.Number).Select(revision => revision.Content).ToListAsync())
        .Select(content => Revision.Read(content).Definition).ToList());

    private static HttpClient ApiProgram(AppProcess site, string key)
    {
        var program = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(30) };
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return program;
    }

    private static string Refusals(IEnumerable<Writer> writers) =>
        string.Join("\n", writers.Where(writer => writer.Refused is not null).Select(writer => $"{writer.Slug}: {writer.Refused}"));

    /// <summary>A program that writes a term, then saves edit after edit to it, each from the version the last one made.</summary>
    private sealed class Writer(int number)
    {
        private int acknowledgedCount;

        public string Slug { get; } = string.Create(CultureInfo.InvariantCulture, $"killed-writer-{number}");

        /// <summary>Every definition the site answered 2xx to, in order; read once the writer has stopped.</summary>
        public List<string> Acknowledged { get; } = [];

        public int AcknowledgedCount => Volatile.Read(ref acknowledgedCount);

        /// <summary>The edit sent when the site died, whose answer never came: it may have been saved, or not.</summary>
        public string? InFlight { get; private set; }

        /// <summary>An answer other than 2xx, which no edit here should get.</summary>
        public string? Refused { get; private set; }

        public async Task SaveUntilTheSiteDiesAsync(HttpClient program)
        {
            try
            {
                InFlight = Definition(0);
                using var created = await program.PostAsJsonAsync(new Uri("/api/v1/editing/terms", UriKind.Relative),
                    new { title = Title, slug = Slug, definition = InFlight });
                var etag = await AcknowledgedAsync(created);
                for (var edit = 1; etag is not null; edit++)
                {
                    InFlight = Definition(edit);
                    using var saved = await PutAsync(program, etag, InFlight);
                    etag = await AcknowledgedAsync(saved);
                }
            }
            catch (HttpRequestException)
            {
                // The site died with this edit unanswered.
            }
        }

        public Task<HttpResponseMessage> PutAsync(HttpClient program, EntityTagHeaderValue etag, string definition)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/editing/terms/{Slug}", UriKind.Relative))
            {
                Content = JsonContent.Create(new { title = Title, definition }),
            };
            request.Headers.IfMatch.Add(etag);
            return program.SendAsync(request);
        }

        private string Title => string.Create(CultureInfo.InvariantCulture, $"Killed writer {number}");

        private string Definition(int edit) => string.Create(CultureInfo.InvariantCulture, $"Edit {edit} of {Title}, saved while the site may die.");

        /// <returns>The version the edit made, or null when it was refused.</returns>
        private async Task<EntityTagHeaderValue?> AcknowledgedAsync(HttpResponseMessage response)
        {
            if (!response.IsSuccessStatusCode)
            {
                Refused = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                return null;
            }
            Acknowledged.Add(InFlight!);
            InFlight = null;
            Interlocked.Increment(ref acknowledgedCount);
            return response.Headers.ETag;
        }
    }
}
