using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Audit;
using CommerceGuard.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Api;

/// <summary>
/// API keys: issued by Admins in the back office, shown once, kept only as a hash, scoped, and
/// revocable; the editing endpoints answer to nothing else.
/// </summary>
public sealed class ApiKeyTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static readonly Uri Drafts = new("/api/v1/editing/terms", UriKind.Relative);

    [Fact]
    public async Task An_Admin_issues_a_key_that_is_shown_once_and_kept_only_as_its_hash()
    {
        var desk = await app.SignedInAsync(Roles.Admin);

        var issued = await Pages.ParseAsync(await desk.SubmitToAsync("/admin/api-keys", "/admin/api-keys?handler=Issue", [new("Name", "Newsroom sync"), new("Scope", "Write")]));

        var secret = issued.QuerySelector("#new-key")!.Text();
        Assert.StartsWith(ApiKeys.KeyStart, secret, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.ApiKeys.SingleAsync(key => key.Name == "Newsroom sync"));
        Assert.Equal(ApiScope.Write, stored.Scope);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.Hash);
        Assert.DoesNotContain(secret, stored.Prefix + stored.Hash + stored.Name, StringComparison.Ordinal);
        var later = await desk.GetPageAsync("/admin/api-keys");
        Assert.DoesNotContain(secret, later.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Newsroom sync", later.QuerySelector("table")!.Text(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(entry => entry.Action == AuditActions.ApiKeyIssued && entry.Subject == stored.Prefix)));
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        var desk = await app.SignedInAsync(Roles.Admin);

        var page = await Pages.ParseAsync(await desk.SubmitToAsync("/admin/api-keys", "/admin/api-keys?handler=Issue", [new("Name", "  "), new("Scope", "Read")]));

        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Null(page.QuerySelector("#new-key"));
    }

    [Theory]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Editor)]
    public async Task Only_Admins_manage_keys(string role)
    {
        var desk = await app.SignedInAsync(role);

        using var response = await desk.GetAsync(new Uri("/admin/api-keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", StaffSessions.PathOf(response.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_editing_endpoints_ask_for_one()
    {
        using var response = await app.Browser().GetAsync(Drafts);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_nobody_issued_is_refused_as_invalid()
    {
        using var response = await app.WithKey(ApiKeys.KeyStart + "not-a-real-key").GetAsync(Drafts);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_accepts_no_json_is_still_told_it_needs_a_key()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Drafts);
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await app.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_staff_cookie_does_not_open_the_editing_endpoints()
    {
        var desk = await app.SignedInAsync(Roles.Admin);

        using var response = await desk.GetAsync(Drafts);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Other_sites_scripts_cannot_send_keys_or_write()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/editing/terms/premium", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://partner.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, if-match");

        using var answer = await app.Browser().SendAsync(preflight);

        // A browser goes on only when the answer allows both the method and the header; it allows neither.
        var methods = answer.Headers.TryGetValues("Access-Control-Allow-Methods", out var allowedMethods) ? string.Join(",", allowedMethods) : "";
        var headers = answer.Headers.TryGetValues("Access-Control-Allow-Headers", out var allowedHeaders) ? string.Join(",", allowedHeaders) : "";
        Assert.DoesNotContain("PUT", methods, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("authorization", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_read_key_reads_drafts_but_cannot_write()
    {
        await app.AddTermAsync("key-read-draft", "Key read draft", term => term.Status = CommerceGuard.Features.Glossary.TermStatus.Draft);
        var program = await app.ProgramAsync(ApiScope.Read);

        using var read = await program.GetAsync(new Uri("/api/v1/editing/terms/key-read-draft", UriKind.Relative));
        using var write = await program.PostAsJsonAsync(Drafts, new { title = "Refused", definition = "Not allowed." });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType!.MediaType);
        Assert.False(await app.WithDbAsync(db => db.Terms.AnyAsync(term => term.Title == "Refused")));
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var issued = await app.IssueKeyAsync(ApiScope.Read, "To be revoked");
        var program = app.WithKey(issued.Secret);
        using (var before = await program.GetAsync(Drafts))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        var desk = await app.SignedInAsync(Roles.Admin);

        var page = await Pages.ParseAsync(await desk.SubmitToAsync("/admin/api-keys", "/admin/api-keys?handler=Revoke", [new("id", issued.Key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

        Assert.NotNull(page.QuerySelector(".notice"));
        using var after = await program.GetAsync(Drafts);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var stored = await app.WithDbAsync(db => db.ApiKeys.SingleAsync(key => key.Id == issued.Key.Id));
        Assert.NotNull(stored.RevokedAt);
    }

    [Fact]
    public async Task Using_a_key_notes_when_it_was_last_used()
    {
        var issued = await app.IssueKeyAsync(ApiScope.Read, "Used once");

        using var response = await app.WithKey(issued.Secret).GetAsync(Drafts);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiKeys.Where(key => key.Id == issued.Key.Id).Select(key => key.LastUsedAt).SingleAsync()));
    }
}
