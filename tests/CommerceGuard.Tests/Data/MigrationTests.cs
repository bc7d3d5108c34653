using CommerceGuard.Data.Postgres;
using CommerceGuard.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteGlossaryDbDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteGlossaryDb --output-dir Data/Sqlite/Migrations");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresGlossaryDbDesignFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresGlossaryDb --output-dir Data/Postgres/Migrations");
    }
}
