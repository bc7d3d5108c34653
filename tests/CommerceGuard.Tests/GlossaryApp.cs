using CommerceGuard.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests;

/// <summary>
/// The whole app, served in memory over HTTP, on a throwaway SQLite file of its own that the
/// starter glossary fills on first start, as on a fresh install.
/// </summary>
public class GlossaryApp : WebApplicationFactory<Program>
{
    /// <summary>A request to this path (or one ending in it, such as /api/v1/test/fail) fails inside the app, to show the error page.</summary>
    public const string FailingPath = "/test/fail";

    private readonly string folder = Directory.CreateTempSubdirectory("commerceguard-test-").FullName;
    private string? sharedDatabase;
    private readonly Dictionary<string, string?> settings = new()
    {
        // High enough that no test trips the limit by accident; the limit's own test lowers it.
        ["RateLimits:PublicWrites:PermitsPerWindow"] = "10000",
        ["RateLimits:Searches:PermitsPerWindow"] = "10000",
        ["RateLimits:SignInsPerAddress:PermitsPerWindow"] = "10000",
        ["RateLimits:SignInsPerAccount:PermitsPerWindow"] = "10000",
        // Tests post forms as soon as they are shown; the spam defence's own tests set a fill time.
        ["SpamDefence:MinimumFillSeconds"] = "0",
        ["Api:RateLimit:AnonymousPermits"] = "100000",
        ["Api:RateLimit:KeyPermits"] = "100000",
        // Tests publish text from the editor without confirming its reading grade; the plain
        // language tests set the site's default warning grade back.
        ["Readability:WarnAboveGrade"] = "20",
    };

    /// <summary>
    /// When set (<c>Host=…;Port=…;Username=…</c>), tests run on that PostgreSQL server instead
    /// of SQLite, each app in a database of its own.
    /// </summary>
    public const string PostgresVariable = "COMMERCEGUARD_TEST_POSTGRES";

    /// <summary>A second server on this app's database, as when several servers share one.</summary>
    public GlossaryApp AnotherServer() => new() { sharedDatabase = DatabaseFile, sharedPostgres = PostgresDatabase, ownsDatabase = false };

    /// <summary>False for a second server, which leaves the database to the first.</summary>
    private bool ownsDatabase = true;

    public string DatabaseFile => sharedDatabase ?? Path.Combine(folder, "glossary.db");

    /// <summary>This server's own search index folder.</summary>
    public string SearchIndexFolder => Path.Combine(folder, "search-index");

    /// <summary>Overrides a configuration value; call before the first request.</summary>
    public GlossaryApp With(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    static GlossaryApp()
    {
        // Test hosts never reload their configuration, and each watcher would hold one of the
        // few inotify instances a user may have (128), which hundreds of hosts soon use up.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        // The static files' version hashes (asp-append-version) watch the web root too: polled
        // here, so that the hosts alive at one moment cannot run out of inotify instances.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>The app's database, as a connection string for either provider.</summary>
    public string ConnectionString => PostgresDatabase ?? $"Data Source={DatabaseFile}";

    /// <summary>A connection string for a new, empty database beside this app's, of the same provider; dropped with the app.</summary>
    public string NewDatabase(string name)
    {
        if (PostgresDatabase is { } postgres)
        {
            var database = new NpgsqlConnectionStringBuilder(postgres);
            database.Database += "_" + name;
            extraPostgres.Add(database.ConnectionString);
            return database.ConnectionString;
        }
        return $"Data Source={Path.Combine(folder, name + ".db")}";
    }

    private readonly List<string> extraPostgres = [];

    /// <summary>The PostgreSQL server the app's database is on, when it is.</summary>
    private string? PostgresServer =>
        (postgresServer ?? (sqliteOnly ? null : Environment.GetEnvironmentVariable(PostgresVariable))) is { Length: > 0 } server ? server : null;

    /// <summary>The app's own PostgreSQL database, when the tests run on PostgreSQL.</summary>
    private string? PostgresDatabase =>
        sharedPostgres ?? (PostgresServer is { } server ? $"{server};Database=test_{Path.GetFileName(folder).Replace('-', '_')}" : null);

    /// <summary>Whether the app's database is PostgreSQL rather than SQLite.</summary>
    public bool OnPostgresDatabase => PostgresDatabase is not null;

    private string? sharedPostgres;
    private string? postgresServer;

    /// <summary>An app on the PostgreSQL server given (<c>Host=…;Port=…;Username=…</c>), whichever provider the run tests.</summary>
    public static GlossaryApp OnPostgres(string server) => new() { postgresServer = server };

    /// <summary>An app on SQLite whichever provider the run tests, for faults only SQLite can stage.</summary>
    public static GlossaryApp OnSqlite() => new() { sqliteOnly = true };

    private bool sqliteOnly;

    /// <summary>
    /// True for an app that makes a first start of its own on an empty database, rather than
    /// starting on a copy of what the run's first start left (see <see cref="FirstStart"/>).
    /// </summary>
    protected bool StartsEmpty { get; init; }

    /// <summary>The app that makes the run's first start on the given server ("" for SQLite); its database is kept.</summary>
    internal static GlossaryApp FirstStartOn(string postgresServer) =>
        new() { StartsEmpty = true, ownsDatabase = false, postgresServer = postgresServer, sqliteOnly = postgresServer.Length == 0 };

    /// <summary>
    /// Whether this app would start as the first start did: on a database of its own that no test
    /// prepared, migrating it, with the app's own services. Such an app starts on a copy.
    /// </summary>
    private bool StartsAsTheFirstStartDid =>
        !StartsEmpty && ownsDatabase && testServices is null && !settings.ContainsKey("Database:MigrateOnStart")
        && (PostgresDatabase is not null || !File.Exists(DatabaseFile));

    /// <summary>Services a test adds to the app's own, such as an interceptor that stages a fault; call before the first request.</summary>
    public GlossaryApp WithServices(Action<IServiceCollection> configure)
    {
        testServices += configure;
        return this;
    }

    private Action<IServiceCollection>? testServices;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (StartsAsTheFirstStartDid)
        {
            // An index path a test chose holds an index of the test's making.
            FirstStart.LayFor(PostgresServer, PostgresDatabase, DatabaseFile, settings.ContainsKey("Search:IndexPath") ? null : SearchIndexFolder);
        }
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Glossary", $"Data Source={DatabaseFile}");
        if (PostgresDatabase is { } postgres)
        {
            // Each app gets a database of its own on the server named, made by its first migration.
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Glossary", postgres);
        }
        builder.UseSetting("Search:IndexPath", Path.Combine(folder, "search-index"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddress>();
            services.AddTransient<IStartupFilter, FailingEndpoint>();
            testServices?.Invoke(services);
        });
    }

    /// <summary>A client that does not follow redirects, so tests see them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Starts the app and waits until its search index has been built.</summary>
    public async Task<CommerceGuard.Features.Search.SearchIndex> SearchIndexReadyAsync()
    {
        Browser();
        var index = Services.GetRequiredService<CommerceGuard.Features.Search.SearchIndex>();
        for (var waited = 0; !index.IsReady && waited < 100; waited++)
        {
            await Task.Delay(100);
        }
        Xunit.Assert.True(index.IsReady, "the search index was never built");
        return index;
    }

    /// <summary>Runs work against the app's own database.</summary>
    public async Task<T> WithDbAsync<T>(Func<GlossaryDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GlossaryDb>());
    }

    public Task WithDbAsync(Func<GlossaryDb, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase && Directory.Exists(folder) && PostgresDatabase is { } postgres)
        {
            foreach (var database in extraPostgres.Append(postgres))
            {
                DropPostgresDatabase(database);
            }
        }
        // The factory disposes through more than one path; the folder goes on the first.
        if (Directory.Exists(folder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Closes the app's pooled connections and drops its database, so that hundreds of test apps
    /// neither run the server out of connections nor leave their databases behind.
    /// </summary>
    internal static void DropPostgresDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        FirstStart.RunOnServer(connectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The address every test request comes from: the in-memory server gives none, a real one always does.</summary>
    public const string TestClientAddress = "203.0.113.7";

    private sealed class ClientAddress : IStartupFilter
    {
        // Before the app's own middleware, so everything in the app sees the address.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Parse(TestClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        // Added after the app's own middleware, so the app's error handling is around it.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path.Value?.EndsWith(FailingPath, StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("A failure staged by a test.")
                : nextMiddleware(context));
        };
    }
}

/// <summary>An app that makes a first start of its own on an empty database, for tests of the first start itself.</summary>
public sealed class FirstStartApp : GlossaryApp
{
    public FirstStartApp() => StartsEmpty = true;
}
