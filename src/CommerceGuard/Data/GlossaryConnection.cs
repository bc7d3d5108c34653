using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Data;

/// <summary>The configured database, resolved once: which provider, and the full connection string.</summary>
internal sealed class GlossaryConnection(IOptions<DatabaseOptions> options, IHostEnvironment environment)
{
    public DatabaseProvider Provider => options.Value.Provider;

    public string ConnectionString => field ??= Resolve();

    private string Resolve() => Provider == DatabaseProvider.Sqlite
        ? SqliteFileUnderContentRoot(options.Value.ConnectionString)
        : options.Value.ConnectionString;

    // A relative SQLite file is taken from the content root, not from wherever the process was
    // started, and its folder is created so that a fresh clone runs with no set-up.
    private string SqliteFileUnderContentRoot(string connectionString)
    {
        var connection = new SqliteConnectionStringBuilder(connectionString);
        var file = connection.DataSource;
        if (file.Length == 0 || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return connectionString;
        }
        connection.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(connection.DataSource)!);
        return connection.ToString();
    }
}
