using System.Net;
using CommerceGuard.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Admin;

/// <summary>Every back-office route refuses whoever its policy does not admit, found by enumerating them all.</summary>
public sealed class AdminRouteTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    /// <summary>The only back-office pages open to everyone: the ways in, and the refusal itself.</summary>
    private static readonly string[] OpenToAll = ["admin/denied", "admin/set-password", "admin/sign-in", "admin/sign-in/code"];

    private List<RouteEndpoint> AdminRoutes()
    {
        app.Browser();
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => (endpoint.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>The route as an address, each parameter filled with 1 so that it matches the route's constraints.</summary>
    private static string PathOf(RouteEndpoint endpoint) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]+\}", "1");

    [Fact]
    public void Only_the_ways_in_are_open_to_everyone()
    {
        var open = AdminRoutes().Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(endpoint => endpoint.RoutePattern.RawText!.TrimStart('/')).Order().ToArray();

        Assert.Equal(OpenToAll, open);
        Assert.Contains(AdminRoutes(), endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null);
    }

    [Fact]
    public async Task Every_other_route_sends_an_anonymous_visitor_to_sign_in()
    {
        foreach (var endpoint in AdminRoutes().Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var response = await app.Desk().GetAsync(new Uri(PathOf(endpoint), UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{PathOf(endpoint)} answered {response.StatusCode}");
            Assert.StartsWith("/admin/sign-in", StaffSessions.PathOf(response.Headers.Location), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_other_route_refuses_an_account_whose_role_is_below_its_policy()
    {
        foreach (var endpoint in AdminRoutes().Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var desk = await DeskBelowAsync(LeastRoleFor(endpoint));

            var response = await desk.GetAsync(new Uri(PathOf(endpoint), UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{PathOf(endpoint)} answered {response.StatusCode}");
            Assert.StartsWith("/admin/denied", StaffSessions.PathOf(response.Headers.Location), StringComparison.Ordinal);
        }
    }

    /// <summary>The weakest role the endpoint's strictest policy admits.</summary>
    private static string LeastRoleFor(RouteEndpoint endpoint)
    {
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToList();
        return policies.Contains(Policies.Administration) ? Roles.Admin
            : policies.Contains(Policies.Editing) ? Roles.Editor
            : policies.Contains(Policies.Staff) ? Roles.Author
            : throw new InvalidOperationException($"{endpoint.RoutePattern.RawText} names no back-office policy.");
    }

    /// <summary>Signed in with the role just below (an Author's is none at all).</summary>
    private async Task<HttpClient> DeskBelowAsync(string role)
    {
        var below = Array.IndexOf(Roles.All, role) - 1;
        if (below >= 0)
        {
            return await app.SignedInAsync(Roles.All[below]);
        }
        var email = $"nobody-{Guid.NewGuid():N}@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            Assert.True((await users.CreateAsync(new Account { UserName = email, Email = email }, StaffSessions.GoodPassword)).Succeeded);
        }
        var desk = app.Desk();
        await desk.SignInAsync(email);
        return desk;
    }
}
