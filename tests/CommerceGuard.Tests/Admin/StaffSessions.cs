using System.Net;
using CommerceGuard.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Admin;

/// <summary>Back-office accounts and signed-in browsers for tests.</summary>
public static class StaffSessions
{
    /// <summary>A password the rules accept: long, and nobody's favourite.</summary>
    public const string GoodPassword = "violet anchor mango tide";

    public static async Task<Account> AddAccountAsync(this GlossaryApp app, string email, string role, string? password = GoodPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().AddAsync(email, role, null, password);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        return added.Account!;
    }

    /// <summary>A browser that keeps cookies and does not follow redirects, as a person at a desk.</summary>
    public static HttpClient Desk(this GlossaryApp app, bool https = false) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient desk, string email, string password = GoodPassword) =>
        desk.SubmitAsync("/admin/sign-in", [new("Email", email), new("Password", password)]);

    /// <summary>The path and query of a redirect's address, whether it came absolute or relative.</summary>
    public static string PathOf(Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>A browser signed in as a new account with this role.</summary>
    public static async Task<HttpClient> SignedInAsync(this GlossaryApp app, string role, bool https = false)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await app.AddAccountAsync(email, role);
        var desk = app.Desk(https);
        var response = await desk.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return desk;
    }
}
