using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Api.Keys;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Community;
using CommerceGuard.Features.Community.Suggestions;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Feedback.Complaints;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Glossary.Reviews;
using CommerceGuard.Features.Glossary.Versions;
using CommerceGuard.Features.Operations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Data;

/// <summary>
/// The glossary's database. Features ask for this type; each provider has its own subclass
/// (<see cref="Sqlite.SqliteGlossaryDb"/>, <see cref="Postgres.PostgresGlossaryDb"/>) so that
/// each keeps its own migrations. It also holds the back office's accounts and the keys that
/// protect their cookies, so every server shares them.
/// </summary>
public abstract class GlossaryDb(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<TermName> TermNames => Set<TermName>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<TermVersion> TermVersions => Set<TermVersion>();
    public DbSet<TermReview> TermReviews => Set<TermReview>();
    public DbSet<SourceLink> SourceLinks => Set<SourceLink>();
    public DbSet<ComplaintChannel> ComplaintChannels => Set<ComplaintChannel>();
    public DbSet<TermSuggestion> TermSuggestions => Set<TermSuggestion>();
    public DbSet<TermRedirect> TermRedirects => Set<TermRedirect>();
    public DbSet<CategoryRedirect> CategoryRedirects => Set<CategoryRedirect>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<SiteMarker> SiteMarkers => Set<SiteMarker>();
    public DbSet<TermChange> TermChanges => Set<TermChange>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Lease> Leases => Set<Lease>();

    /// <summary>
    /// The newest change saved inside a transaction that is still open: announced to this server
    /// only when the transaction commits, since until then no other connection can read it.
    /// </summary>
    internal TermChange? UnannouncedChange { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own tables first; the features' configurations then refine them.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GlossaryDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC. SQLite forgets the kind on the way back, so restore it,
        // and PostgreSQL's timestamptz insists on it on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
