using Microsoft.AspNetCore.Identity;

namespace CommerceGuard.Features.Accounts;

/// <summary>
/// Passwords as NIST SP 800-63B and OWASP ASVS 5 would have them: long enough, any characters at
/// all (spaces and emoji included), no rules about mixing kinds of character, and never one that
/// people commonly use, a run like "aaaa…" or "1234…", or the person's own email name.
/// </summary>
public sealed class PasswordRules(CommonPasswords common) : IPasswordValidator<Account>
{
    public const int MinLength = 12;

    /// <summary>Long enough for any passphrase; the cap only bounds the work of hashing.</summary>
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var errors = Check(password ?? "", user.Email).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    private IEnumerable<IdentityError> Check(string password, string? email)
    {
        // Characters as people count them: an emoji is one, not the two UTF-16 units it takes.
        var characters = password.EnumerateRunes().Count();
        if (characters < MinLength || password.Length > MaxLength)
        {
            yield return new IdentityError { Code = "PasswordLength", Description = $"Use {MinLength} to {MaxLength} characters." };
            yield break;
        }
        var lower = password.ToLowerInvariant();
        if (common.Contains(lower) || common.Contains(lower.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray())))
        {
            yield return new IdentityError { Code = "PasswordCommon", Description = "That password is one people often use. Choose one that is yours alone; a few unrelated words make a good one." };
        }
        else if (IsRun(lower))
        {
            yield return new IdentityError { Code = "PasswordRun", Description = "That password is one character repeated or a run like 123456… Choose one harder to guess." };
        }
        var name = email?.Split('@')[0].ToLowerInvariant() ?? "";
        if ((name.Length >= 4 && lower.Contains(name, StringComparison.Ordinal)) || lower.Contains("commerceguard", StringComparison.Ordinal))
        {
            yield return new IdentityError { Code = "PasswordPersonal", Description = "Leave your email name and the site's name out of your password." };
        }
    }

    /// <summary>
    /// A pattern rather than a password: a few characters repeated ("aaaa…", "abcabc…", "1212…"),
    /// or each character one after (or before) the last, digits going round ("…7890123").
    /// </summary>
    private static bool IsRun(string password) =>
        password.Length > 1 && (Enumerable.Range(1, 4).Any(period => period < password.Length && Enumerable.Range(period, password.Length - period).All(i => password[i] == password[i - period]))
        || Steps(password).All(step => step == 1)
        || Steps(password).All(step => step == -1));

    private static IEnumerable<int> Steps(string password) =>
        Enumerable.Range(1, password.Length - 1).Select(i => Step(password[i - 1], password[i]));

    /// <summary>From one character to the next; digits go round, so 9 to 0 is a step of one.</summary>
    private static int Step(char from, char to)
    {
        if (!char.IsAsciiDigit(from) || !char.IsAsciiDigit(to))
        {
            return to - from;
        }
        var up = ((to - from) % 10 + 10) % 10;
        return up == 9 ? -1 : up;
    }
}

/// <summary>The 49,233 most common passwords (see common-passwords.NOTICE.md), read once.</summary>
public sealed class CommonPasswords
{
    private readonly Lazy<HashSet<string>> passwords = new(Read);

    public bool Contains(string lowerCasePassword) => passwords.Value.Contains(lowerCasePassword);

    private static HashSet<string> Read()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Accounts/common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            passwords.Add(line);
        }
        return passwords;
    }
}
