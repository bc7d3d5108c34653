using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Audit;

/// <summary>One thing done in (or to) the back office: who, what, to what, when, from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who did it: an account's email, or "command line" for the operator's verbs.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: an account's email, a term's slug.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The detail that makes the entry readable on its own, such as "Author → Editor".</summary>
    public string Detail { get; set; } = "";

    /// <summary>The client's address, when the action came over the web.</summary>
    public string? Address { get; set; }
}

/// <summary>The audited actions.</summary>
public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string PasswordSet = "password-set";
    public const string AccountAdded = "account-added";
    public const string RoleChanged = "role-changed";
    public const string AccountDisabled = "account-disabled";
    public const string TwoFactorOn = "two-factor-on";
    public const string TwoFactorOff = "two-factor-off";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string RecoveryCodesMade = "recovery-codes-made";
    public const string PasswordLinkMade = "password-link-made";
    public const string SignedOut = "signed-out";
    public const string TermSubmitted = "term-submitted";
    public const string TermWithdrawn = "term-withdrawn";
    public const string TermPublished = "term-published";
    public const string TermUnpublished = "term-unpublished";
    public const string TermRedrafted = "term-redrafted";
    public const string TermChangesDiscarded = "term-changes-discarded";
    public const string TermRestored = "term-restored";
    public const string TermDeleted = "term-deleted";
    public const string TermReviewed = "term-reviewed";
    public const string TermRetired = "term-retired";
    public const string TermReinstated = "term-reinstated";
    public const string ReviewIntervalSet = "review-interval-set";
    public const string CategoryDeleted = "category-deleted";
    public const string ComplaintChannelSaved = "complaint-channel-saved";
    public const string ComplaintChannelDeleted = "complaint-channel-deleted";
    public const string VolunteerDeleted = "volunteer-deleted";
    public const string ApiKeyIssued = "api-key-issued";
    public const string ApiKeyRevoked = "api-key-revoked";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(entry => entry.Actor).HasMaxLength(256);
        builder.Property(entry => entry.Action).HasMaxLength(40);
        builder.Property(entry => entry.Subject).HasMaxLength(256);
        builder.Property(entry => entry.Detail).HasMaxLength(500);
        builder.Property(entry => entry.Address).HasMaxLength(64);
        builder.HasIndex(entry => entry.At);
    }
}
