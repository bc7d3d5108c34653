using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using CommerceGuard.Features.Operations;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Shared;

/// <summary>Spam defence on public forms. Section <c>SpamDefence</c>.</summary>
public sealed class SpamDefenceOptions
{
    public const string Section = "SpamDefence";

    /// <summary>
    /// The least time, in seconds, between a form being shown and sent. People take longer to
    /// read and type; scripts that post at once do not. 0 turns the check off.
    /// </summary>
    [Range(0, 600)]
    public int MinimumFillSeconds { get; set; } = 3;
}

/// <summary>What the spam defence made of a posted form.</summary>
public enum SpamVerdict
{
    /// <summary>Nothing against it.</summary>
    Passed,

    /// <summary>The hidden field that people never see was filled in: a script filling every box.</summary>
    TrapFilled,

    /// <summary>Sent sooner after the form was shown than a person could, or with no sign of when it was shown.</summary>
    TooQuick,
}

/// <summary>
/// Keeps scripted posts out of public forms without any service elsewhere: a honeypot field,
/// hidden from people and assistive technology alike, and a minimum fill time, read from a stamp
/// of when the form was shown that only this site can make (Data Protection, so every server
/// reads every other's). The rate limit on public writes does the rest.
/// </summary>
public sealed partial class SpamDefence(
    IDataProtectionProvider protection,
    TimeProvider time,
    IOptions<SpamDefenceOptions> options,
    SiteMetrics metrics,
    ILogger<SpamDefence> logger)
{
    /// <summary>The honeypot's name: a field that scripts fill and people never see.</summary>
    public const string TrapField = "website";

    /// <summary>The field that carries <see cref="Stamp"/>.</summary>
    public const string StampField = "form-shown";

    private readonly IDataProtector stamps = protection.CreateProtector("CommerceGuard.SpamDefence.FormShown");

    /// <summary>When the form is being shown, sealed so that it cannot be made up.</summary>
    public string Stamp() => stamps.Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Judges a posted form by its honeypot and, unless <paramref name="timed"/> is false (a
    /// single click, which a person can make at once), its stamp; counts what it refuses.
    /// </summary>
    public SpamVerdict Judge(IFormCollection form, string formName, bool timed = true)
    {
        var verdict = Verdict(form, timed);
        if (verdict != SpamVerdict.Passed)
        {
            metrics.SpamRefused(formName, verdict);
            LogRefused(logger, formName, verdict);
        }
        return verdict;
    }

    private SpamVerdict Verdict(IFormCollection form, bool timed)
    {
        if (!string.IsNullOrEmpty(form[TrapField]))
        {
            return SpamVerdict.TrapFilled;
        }
        var least = TimeSpan.FromSeconds(options.Value.MinimumFillSeconds);
        if (!timed || least == TimeSpan.Zero)
        {
            return SpamVerdict.Passed;
        }
        return ShownAt(form[StampField].ToString()) is { } shown && time.GetUtcNow() - shown >= least
            ? SpamVerdict.Passed
            : SpamVerdict.TooQuick;
    }

    private DateTimeOffset? ShownAt(string stamp)
    {
        try
        {
            return long.TryParse(stamps.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }
        catch (CryptographicException)
        {
            // Missing, altered, or sealed with a key this site no longer has.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a post of the {Form} form as spam: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string form, SpamVerdict verdict);
}

public static class SpamDefenceSetup
{
    public static WebApplicationBuilder AddSpamDefence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpamDefenceOptions>()
            .BindConfiguration(SpamDefenceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SpamDefence>();
        return builder;
    }
}
