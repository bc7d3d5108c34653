using System.Net;
using CommerceGuard.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.BrowserTests;

/// <summary>
/// The site on a real port of 127.0.0.1 with a throwaway database, and one Chromium for every
/// test; each test opens its own browser context, so no cookie or vote leaks between tests.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    public SiteFixture()
        : this(new GlossaryApp())
    {
    }

    /// <summary>For a site configured otherwise; xunit wants a fixture's public constructor to be its only one.</summary>
    protected SiteFixture(GlossaryApp site) => Site = site;

    /// <summary>Debian's Chromium; nothing can be downloaded here, so the launch names it.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public GlossaryApp Site { get; }
    public IBrowser Browser { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the top of the repository.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Site.StartServer();
        var addresses = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.Single());

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page in a context of its own, at the given screen size.</summary>
    public async Task<IPage> OpenAsync(
        ScreenSize size, bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light, ReducedMotion motion = ReducedMotion.Reduce)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            JavaScriptEnabled = javaScript,
            ColorScheme = colorScheme,
            ReducedMotion = motion,
        });
        context.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions do: on a busy two-core machine a save can take more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

/// <summary>The two screens every journey is walked on.</summary>
public sealed record ScreenSize(string Name, int Width, int Height)
{
    public static readonly ScreenSize Phone = new("phone", 360, 740);
    public static readonly ScreenSize Desktop = new("desktop", 1280, 800);

    public static ScreenSize Named(string name) => name == Phone.Name ? Phone : Desktop;

    public static TheoryData<string> Both() => [Phone.Name, Desktop.Name];
}

/// <summary>
/// One site and one browser for every browser test. (Two side by side were tried: on two cores
/// they took longer, not less.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class OnTheSite : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}

/// <summary>
/// The site with pages of three terms, so that the starter glossary's 57 terms are shown as a
/// large glossary is: the A–Z page by letter, and letters and categories over several pages.
/// </summary>
public sealed class PagedSiteFixture() : SiteFixture(new GlossaryApp().With("Glossary:ListPageSize", "3"));

[CollectionDefinition(Name)]
public sealed class OnThePagedSite : ICollectionFixture<PagedSiteFixture>
{
    public const string Name = "paged site";
}
