using System.ComponentModel.DataAnnotations;
using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Caching;

/// <summary>How long a public page is kept. Section <c>PageCache</c>.</summary>
public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>
    /// The longest a page is kept, in seconds. A change to the glossary replaces pages at once
    /// whatever this says; it bounds only what nothing in the glossary tells us about, such as
    /// the age of the spam defence's stamp in a page's forms (valid for a day). Six hours, so
    /// that a large glossary's pages, once made, are not all made again every few minutes.
    /// </summary>
    [Range(1, 86_400)]
    public int Seconds { get; set; } = 21_600;

    /// <summary>The most disk this server's own cache of pages may use, in megabytes (<see cref="DiskPageStore"/>).</summary>
    [Range(1, 1_000_000)]
    public int DiskLimitMegabytes { get; set; } = 4096;

    /// <summary>
    /// How much of this server's memory, in megabytes, holds the pages used again lately as well as
    /// their files (<see cref="RecentPages"/>): the pages most asked for are served without a file.
    /// </summary>
    [Range(1, 100_000)]
    public int MemoryMegabytes { get; set; } = 32;

    /// <summary>Where this server keeps its pages, in a folder of its own made at start; the system's temporary folder when empty.</summary>
    public string Folder { get; set; } = "";

    /// <summary>
    /// Off, every page is made afresh for every reader: for measuring what making a page costs
    /// (bench/run.sh runs each case both ways) and for telling a caching fault from another.
    /// </summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Public pages are the same for every anonymous reader, so each is rendered once and then
/// served from the output cache: in this server's memory, or in Redis when several servers
/// share one. Pages opt in with <c>[OutputCache(PolicyName = PageCache.PublicPage)]</c>; a page
/// that does must look the same to every reader and must not read its query string (search
/// results use <see cref="SearchPage"/>, which keeps one for each query, and the changes between
/// two versions <see cref="ChangesPage"/>).
/// </summary>
public static class PageCache
{
    /// <summary>The output cache policy of the public pages.</summary>
    public const string PublicPage = "public-page";

    /// <summary>Search results: a public page for each query and page number.</summary>
    public const string SearchPage = "search-page";

    /// <summary>The changes between two versions of a term: a public page for each pair.</summary>
    public const string ChangesPage = "changes-page";

    /// <summary>Where to complain about a term: a public page for each state.</summary>
    public const string ComplaintPage = "complaint-page";

    /// <summary>The API's answer for one term: one for each language.</summary>
    public const string ApiTerm = "api-term";

    /// <summary>The API's search answers and suggestions: one for each query, page and language.</summary>
    public const string ApiSearch = "api-search";

    /// <summary>The tag of every cached page: a change around every term (a category's name) evicts them all.</summary>
    public const string Tag = "glossary";

    private const string UnfitKey = "PageCache.Unfit";
    private const string BegunKey = "PageCache.Begun";

    public static WebApplicationBuilder AddPageCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageCacheOptions>()
            .BindConfiguration(PageCacheOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOutputCache(options =>
        {
            // "/glossary/Doctor" answers a redirect to "/glossary/doctor", never the page itself.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(PublicPage, new PublicPagePolicy());
            options.AddPolicy(SearchPage, new PublicPagePolicy("q", "page"));
            options.AddPolicy(ChangesPage, new PublicPagePolicy("from", "to"));
            options.AddPolicy(ComplaintPage, new PublicPagePolicy("state"));
            options.AddPolicy(ApiTerm, new PublicPagePolicy("language"));
            options.AddPolicy(ApiSearch, new PublicPagePolicy("q", "page", "language"));
        });
        // In place of the framework's store in memory.
        builder.Services.AddSingleton<DiskPageStore>();
        UseStore<DiskPageStore>(builder.Services);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"]))
        {
            UseRedisStore(builder.Services);
        }
        Decorate(builder.Services, (provider, store) => new EvictionAwareStore(
            store, provider.GetRequiredService<EvictionProgress>(), provider.GetRequiredService<IHttpContextAccessor>()));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<EvictionProgress>();
        builder.Services.AddSingleton<PageCacheEviction>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<PageCacheEviction>());
        return builder;
    }

    /// <summary>After authentication, so that a signed-in editor is never served a cached page.</summary>
    public static WebApplication UsePageCache(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PageCacheOptions>>().Value.Enabled)
        {
            app.UseOutputCache();
        }
        return app;
    }

    /// <summary>
    /// Says that this response was made from something less than the current glossary (links
    /// from before the latest change, a part left out because the database failed): it is sent,
    /// but never kept for other readers.
    /// </summary>
    public static void MarkUnfit(HttpContext? context)
    {
        if (context is not null)
        {
            context.Items[UnfitKey] = true;
        }
    }

    internal static bool IsUnfit(HttpContext context) => context.Items.ContainsKey(UnfitKey);

    /// <summary>Notes the newest change known as the page began to be made.</summary>
    internal static void MarkBegun(HttpContext context, long version) => context.Items[BegunKey] = version;

    internal static long? BegunAt(HttpContext? context) => context?.Items[BegunKey] as long?;

    /// <summary>
    /// Pages go to Redis, shared by every server, and to this server's own store while Redis is
    /// away. The Redis store is registered by its library and then wrapped.
    /// </summary>
    private static void UseRedisStore(IServiceCollection services)
    {
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<RedisConnection>((options, redis) =>
            {
                options.InstanceName = redis.InstanceName + "pages:";
                options.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
            });
        // Registered as itself too: the eviction catches Redis up through it alone.
        var redisStore = services.Last(service => service.ServiceType == typeof(IOutputCacheStore));
        services.AddSingleton(provider => new SharedOutputCacheStore(
            Made(provider, redisStore), provider.GetRequiredService<DiskPageStore>(), provider.GetRequiredService<RedisConnection>(), provider.GetRequiredService<EvictionProgress>()));
        UseStore<SharedOutputCacheStore>(services);
    }

    /// <summary>Makes the store registered as itself the output cache's store, in place of any before it.</summary>
    private static void UseStore<TStore>(IServiceCollection services) where TStore : IOutputCacheStore
    {
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<TStore>());
    }

    /// <summary>Replaces the store registered last with one made around it.</summary>
    private static void Decorate(IServiceCollection services, Func<IServiceProvider, IOutputCacheStore, IOutputCacheStore> around)
    {
        var registered = services.Last(service => service.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => around(provider, Made(provider, registered)));
    }

    private static IOutputCacheStore Made(IServiceProvider provider, ServiceDescriptor registered) =>
        (IOutputCacheStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
