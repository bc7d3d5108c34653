using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommerceGuard.Data.Sqlite;

/// <summary>The glossary on SQLite, the embedded default.</summary>
public sealed class SqliteGlossaryDb(DbContextOptions<SqliteGlossaryDb> options) : GlossaryDb(options);

/// <summary>Lets <c>dotnet ef</c> build the context without starting the app.</summary>
internal sealed class SqliteGlossaryDbDesignFactory : IDesignTimeDbContextFactory<SqliteGlossaryDb>
{
    public SqliteGlossaryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGlossaryDb>().UseSqlite("Data Source=design.db").Options);
}
