using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommerceGuard.Data.Postgres;

/// <summary>The glossary on PostgreSQL, for many servers.</summary>
public sealed class PostgresGlossaryDb(DbContextOptions<PostgresGlossaryDb> options) : GlossaryDb(options);

/// <summary>Lets <c>dotnet ef</c> build the context without starting the app or reaching a server.</summary>
internal sealed class PostgresGlossaryDbDesignFactory : IDesignTimeDbContextFactory<PostgresGlossaryDb>
{
    public PostgresGlossaryDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGlossaryDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
