using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Api.Keys;

/// <summary>
/// A key an Admin issued to a program that uses the API. Only a hash of the key is kept: the key
/// itself is shown once, when it is issued. A revoked key is kept, so the audit log and the
/// history it wrote still say whose it was.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    /// <summary>What the key is for, in the issuing Admin's words: "Newsroom sync".</summary>
    public string Name { get; set; } = "";

    /// <summary>The key's first characters, which are not secret: enough to tell keys apart in a list or a log.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key, in lower-case hex.</summary>
    public string Hash { get; set; } = "";

    public ApiScope Scope { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The email of the Admin who issued it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When the key was last used, to the minute or so: it is not written on every request.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>What a key may do; each scope allows what the one before it does.</summary>
public enum ApiScope
{
    /// <summary>Read everything the back office sees: drafts, versions, terms in review.</summary>
    Read = 0,

    /// <summary>Also create terms and save changes, as drafts or next versions, as an Author does.</summary>
    Write = 1,

    /// <summary>Also publish what it writes, as an Editor does.</summary>
    Publish = 2,
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(key => key.Name).HasMaxLength(ApiKeys.MaxNameLength);
        builder.Property(key => key.Prefix).HasMaxLength(16);
        builder.Property(key => key.Hash).HasMaxLength(64);
        builder.Property(key => key.CreatedBy).HasMaxLength(256);
        builder.Property(key => key.RevokedBy).HasMaxLength(256);
        builder.Property(key => key.Scope).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(key => key.Hash).IsUnique();
    }
}
