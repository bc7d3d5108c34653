using System.Net.Http.Headers;
using CommerceGuard.Features.Api.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Api;

/// <summary>Programs holding API keys, for tests.</summary>
public static class ApiKeyClients
{
    public static async Task<IssuedKey> IssueKeyAsync(this GlossaryApp app, ApiScope scope, string name = "Test program")
    {
        await using var services = app.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<ApiKeys>().IssueAsync(name, scope, "admin@example.org");
    }

    /// <summary>A client that sends a new key of this scope with every request.</summary>
    public static async Task<HttpClient> ProgramAsync(this GlossaryApp app, ApiScope scope) =>
        app.WithKey((await app.IssueKeyAsync(scope)).Secret);

    public static HttpClient WithKey(this GlossaryApp app, string secret)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Asserts the status, showing the body (a problem says why) when it is not the one expected.</summary>
    public static async Task ExpectAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
