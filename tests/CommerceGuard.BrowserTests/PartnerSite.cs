using System.Net;
using CommerceGuard.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// A partner's news site on a port of its own (so a different origin from the glossary's),
/// serving the repository's widget demo, with the widget's address pointed at the test site.
/// </summary>
public sealed class PartnerSite : IAsyncDisposable
{
    private const string DemoWidgetAddress = "http://localhost:5080/widget.js";

    private readonly WebApplication app;

    private PartnerSite(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri Article => new(Address, "index.html");

    public static async Task<PartnerSite> StartAsync(Uri glossary)
    {
        var folder = Path.Combine(Repository.Root, "demo", "widget");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/index.html", async (HttpContext http) =>
        {
            var html = await File.ReadAllTextAsync(Path.Combine(folder, "index.html"));
            Assert.Contains(DemoWidgetAddress, html, StringComparison.Ordinal);
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(html.Replace(DemoWidgetAddress, new Uri(glossary, "widget.js").ToString(), StringComparison.Ordinal));
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PartnerSite(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
