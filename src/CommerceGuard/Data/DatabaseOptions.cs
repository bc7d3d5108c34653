using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Data;

/// <summary>Which database holds the glossary. Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the default, embedded) or <c>Postgres</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Read from <c>ConnectionStrings:Glossary</c>. For SQLite, a relative file path is taken
    /// from the app's content root, and its folder is created when missing.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/glossary.db";

    /// <summary>
    /// Whether the site (and every command but <c>db</c>'s) brings the schema up to date when it
    /// starts. Turn it off for rolling deploys, where <c>db migrate</c> is run once, on its own.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>The databases the glossary runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
