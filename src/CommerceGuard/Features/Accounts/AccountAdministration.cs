using CommerceGuard.Data;
using CommerceGuard.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Accounts;

/// <summary>An account as a list of accounts shows it.</summary>
public sealed record AccountSummary(string Email, string DisplayName, string Role, string State, DateTime? LastSignInAt);

/// <summary>What adding an account gave: the account, or why not.</summary>
public sealed record AddedAccount(Account? Account, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Account is not null;
}

/// <summary>
/// Making, listing and disabling back-office accounts, for the command line and the Admin pages
/// alike. There is no default account and no default password: a new account gets a one-time link
/// to choose its password, or a password given by whoever made it.
/// </summary>
public sealed class AccountAdministration(UserManager<Account> users, GlossaryDb db, IOptions<AccountOptions> options, TimeProvider time, AuditLog audit)
{
    public const int MaxEmailLength = 254;

    public async Task<AddedAccount> AddAsync(string email, string role, string? displayName, string? password)
    {
        if (!Roles.All.Contains(role))
        {
            return new AddedAccount(null, [$"There is no role \"{role}\": use {string.Join(", ", Roles.All)}."]);
        }
        // The longest address mail allows, and within what the database column holds.
        if (email.Trim().Length > MaxEmailLength)
        {
            return new AddedAccount(null, [$"An email address has at most {MaxEmailLength} characters."]);
        }
        var account = new Account
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = ShownName(displayName, email),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        // With a password, it is checked before anything is written, so a refused one leaves no account behind.
        var created = password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return new AddedAccount(null, [.. created.Errors.Select(error => error.Description)]);
        }
        var joined = await users.AddToRoleAsync(account, role);
        if (!joined.Succeeded)
        {
            await users.DeleteAsync(account);
            return new AddedAccount(null, [.. joined.Errors.Select(error => error.Description)]);
        }
        await audit.RecordAsync(AuditActions.AccountAdded, account.Email!, $"as {role}");
        return new AddedAccount(account, []);
    }

    /// <summary>The name given, or the email's own name, cut to what the column holds.</summary>
    private static string ShownName(string? displayName, string email)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? email.Trim().Split('@')[0] : displayName.Trim();
        return name.Length <= 100 ? name : name[..100];
    }

    /// <summary>
    /// A link that lets the account's owner choose a password, once, within the configured hours.
    /// Using it (or any change of password) makes every earlier link useless.
    /// </summary>
    public async Task<string> SetPasswordLinkAsync(Account account, bool audited = false)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        if (audited)
        {
            await audit.RecordAsync(AuditActions.PasswordLinkMade, account.Email!);
        }
        var site = options.Value.PublicUrl.TrimEnd('/');
        return $"{site}/admin/set-password?account={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}";
    }

    public TimeSpan SetPasswordLinkLifetime => TimeSpan.FromHours(options.Value.SetPasswordLinkHours);

    public Task<Account?> FindAsync(string email) => users.FindByEmailAsync(email.Trim());

    /// <summary>
    /// Whether no other Admin could sign in (enabled, with a password chosen): the site must never
    /// lose its last one, and an invitation not yet taken up does not count.
    /// </summary>
    private async Task<bool> IsLastAdminAsync(Account account) =>
        !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(admin => admin.Id != account.Id && admin.DisabledAt is null && admin.PasswordHash is not null);

    public async Task<List<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = await users.Users.AsNoTracking().OrderBy(account => account.Email).ToListAsync(cancellationToken);
        // Everyone's roles in one query, rather than one query per account.
        var roles = (await (from membership in db.UserRoles
                            join role in db.Roles on membership.RoleId equals role.Id
                            select new { membership.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(membership => membership.UserId, membership => membership.Name);
        var now = time.GetUtcNow();
        var summaries = new List<AccountSummary>();
        foreach (var account in accounts)
        {
            var role = roles[account.Id].OrderByDescending(name => Array.IndexOf(Roles.All, name)).FirstOrDefault() ?? "none";
            var state = account.DisabledAt is not null ? "disabled"
                : account.PasswordHash is null ? "invited"
                : account.LockoutEnd > now ? "locked"
                : "active";
            summaries.Add(new AccountSummary(account.Email ?? "", account.DisplayName, role, state, account.LastSignInAt));
        }
        return summaries;
    }

    /// <summary>Gives the account another role; its sessions pick the change up at their next check.</summary>
    public async Task<string?> ChangeRoleAsync(string email, string role)
    {
        var account = await FindAsync(email);
        if (account is null || !Roles.All.Contains(role))
        {
            return account is null ? $"There is no account {email}." : $"There is no role \"{role}\".";
        }
        var before = await users.GetRolesAsync(account);
        if (before.Contains(Roles.Admin) && role != Roles.Admin && await IsLastAdminAsync(account))
        {
            return "This is the only active Admin: make another Admin first.";
        }
        var removed = await users.RemoveFromRolesAsync(account, before);
        var added = removed.Succeeded ? await users.AddToRoleAsync(account, role) : removed;
        if (!added.Succeeded)
        {
            // Put the old roles back rather than leave an account with none.
            await users.AddToRolesAsync(account, before.Where(name => !Roles.All.Contains(role) || name != role));
            return string.Join(" ", added.Errors.Select(error => error.Description));
        }
        await users.UpdateSecurityStampAsync(account);
        await audit.RecordAsync(AuditActions.RoleChanged, account.Email!, $"{string.Join(", ", before.DefaultIfEmpty("none"))} → {role}");
        return null;
    }

    /// <summary>Stops the account signing in, and ends its sessions within a minute. Null when done, else why not.</summary>
    public async Task<string?> DisableAsync(string email)
    {
        var account = await FindAsync(email);
        if (account is null)
        {
            return $"There is no account {email}.";
        }
        if (await users.IsInRoleAsync(account, Roles.Admin) && await IsLastAdminAsync(account))
        {
            return "This is the only active Admin: make another Admin first.";
        }
        account.DisabledAt ??= time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(account);
        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        await audit.RecordAsync(AuditActions.AccountDisabled, account.Email!);
        return null;
    }
}
