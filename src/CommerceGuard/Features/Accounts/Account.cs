using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceGuard.Features.Accounts;

/// <summary>A person who works in the back office: an Author, an Editor or an Admin.</summary>
public sealed class Account : IdentityUser
{
    /// <summary>The name shown beside their work (revisions, reviews).</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    /// <summary>Set when an Admin disables the account: it can no longer sign in, and its sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder) =>
        builder.Property(account => account.DisplayName).HasMaxLength(100);
}

/// <summary>The back office's roles, each allowed what the one before it is, and more.</summary>
public static class Roles
{
    /// <summary>Writes drafts and submits them for review.</summary>
    public const string Author = "Author";

    /// <summary>Edits anything, publishes and unpublishes, manages categories.</summary>
    public const string Editor = "Editor";

    /// <summary>Everything, plus accounts and settings.</summary>
    public const string Admin = "Admin";

    public static readonly string[] All = [Author, Editor, Admin];

    /// <summary>The roles at least as strong as this one.</summary>
    public static string[] AtLeast(string role) => All[Array.IndexOf(All, role)..];
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    // Fixed ids and stamps: the roles are part of the schema, seeded by the migrations.
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole(role)
        {
            Id = $"role-{role.ToLowerInvariant()}",
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{role.ToLowerInvariant()}",
        }));
}
