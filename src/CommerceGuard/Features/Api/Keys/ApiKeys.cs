using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CommerceGuard.Data;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Api.Keys;

/// <summary>A key just issued, with the secret that is shown this once and never stored.</summary>
public sealed record IssuedKey(ApiKey Key, string Secret);

/// <summary>Issues, finds and revokes the API's keys.</summary>
public sealed class ApiKeys(GlossaryDb db, AuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>Every key starts so, which lets secret scanners (and people) recognise one.</summary>
    public const string KeyStart = "cg_";

    private const int PrefixLength = 10;

    /// <summary>A used key's last-used time is written again only after this long, not on every request.</summary>
    private static readonly TimeSpan UseStampInterval = TimeSpan.FromMinutes(1);

    public Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ApiKeys.AsNoTracking()
            .OrderBy(key => key.RevokedAt != null).ThenByDescending(key => key.CreatedAt).ThenByDescending(key => key.Id)
            .ToListAsync(cancellationToken);

    /// <summary>A new key: 256 random bits, of which only the hash is kept.</summary>
    public async Task<IssuedKey> IssueAsync(string name, ApiScope scope, string issuedBy, CancellationToken cancellationToken = default)
    {
        var secret = KeyStart + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = TermValidation.Printable(name).Trim(),
            Prefix = secret[..PrefixLength],
            Hash = HashOf(secret),
            Scope = scope,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = issuedBy,
        };
        db.Add(key);
        audit.Add(AuditActions.ApiKeyIssued, key.Prefix, $"\"{key.Name}\", scope {scope}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedKey(key, secret);
    }

    /// <summary>What is wrong with a name for a new key, or null.</summary>
    public static string? NameProblem(string? name)
    {
        var tidy = TermValidation.Printable(name ?? "").Trim();
        return tidy.Length == 0 ? "Say what the key is for, so that it can be recognised later."
            : tidy.Length > MaxNameLength ? $"Keep the name to {MaxNameLength} characters."
            : null;
    }

    /// <summary>Revokes a key at once; false when there is no such key or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(int id, string revokedBy, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(key => key.Id == id, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return false;
        }
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        key.RevokedBy = revokedBy;
        audit.Add(AuditActions.ApiKeyRevoked, key.Prefix, $"\"{key.Name}\"");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The live key a client presented, or null when it is unknown or revoked.</summary>
    public async Task<ApiKey?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!presented.StartsWith(KeyStart, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }
        var hash = HashOf(presented);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(key => key.Hash == hash, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is not { } used || now - used > UseStampInterval)
        {
            await db.ApiKeys.Where(stored => stored.Id == key.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(stored => stored.LastUsedAt, now), cancellationToken);
        }
        return key;
    }

    /// <summary>
    /// A plain SHA-256 is the right hash here, unlike for passwords: a key is 256 random bits, so
    /// there is nothing to guess, and checking it must stay cheap on every request.
    /// </summary>
    internal static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
