using Microsoft.EntityFrameworkCore;
using CommerceGuard.Features.Community;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Data;

/// <summary>
/// The glossary's database. Features ask for this type; each provider has its own subclass
/// (<see cref="Sqlite.SqliteGlossaryDb"/>, <see cref="Postgres.PostgresGlossaryDb"/>) so that
/// each keeps its own migrations.
/// </summary>
public abstract class GlossaryDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<SiteMarker> SiteMarkers => Set<SiteMarker>();
    public DbSet<TermChange> TermChanges => Set<TermChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GlossaryDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC. SQLite forgets the kind on the way back, so restore it,
        // and PostgreSQL's timestamptz insists on it on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
