using System.Security.Cryptography;
using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Operations;

/// <summary>
/// A claim by one server on a piece of background work that needs doing once for all servers,
/// not once by each: whoever holds an unexpired lease does it, and the others leave it alone.
/// </summary>
public sealed class Lease
{
    public required string Name { get; init; }

    /// <summary>The server holding it: host name and process, for an operator reading the table.</summary>
    public required string Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.HasKey(lease => lease.Name);
        builder.Property(lease => lease.Name).HasMaxLength(100);
        builder.Property(lease => lease.Holder).HasMaxLength(200);
    }
}

/// <summary>
/// Takes leases in the database every server shares. Taking one is a single conditional update
/// (or an insert the first time), so two servers asking at once cannot both get it; a server
/// that dies holding one loses it when it expires.
/// </summary>
public sealed class Leases(GlossaryDb db, TimeProvider time, ServerName server)
{
    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for this server until
    /// <paramref name="length"/> from now; false while another server's lease runs.
    /// </summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan length, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + length;
        var holder = server.Value;
        var taken = await db.Leases
            .Where(lease => lease.Name == name && (lease.Holder == holder || lease.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(lease => lease.Holder, holder).SetProperty(lease => lease.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        if (await db.Leases.AnyAsync(lease => lease.Name == name, cancellationToken))
        {
            return false;
        }
        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server made the lease between our look and our insert: it is theirs.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>
/// This server's name among those sharing the database: its host, its process, and a random
/// part, since one process may run several (as the tests do).
/// </summary>
public sealed class ServerName
{
    public string Value { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
