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

    /// <summary>
    /// The most time, in hours, a form may be open before it is sent; an older stamp is refused
    /// as a script keeping one stamp for ever would have it.
    /// </summary>
    [Range(1, 24 * 30)]
    public int MaximumAgeHours { get; set; } = 24;
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

    /// <summary>Shown longer ago than <see cref="SpamDefenceOptions.MaximumAgeHours"/>.</summary>
    Expired,
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

    /// <summary>When the form is being shown, sealed for that form alone so that it can be neither made up nor carried to another.</summary>
    public string Stamp(string formName) =>
        StampsOf(formName).Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    private IDataProtector StampsOf(string formName) => protection.CreateProtector("CommerceGuard.SpamDefence.FormShown", formName);

    /// <summary>
    /// Judges a page's form and puts what a person must do about it (send again, reload) on the
    /// page as a form error. True when the trap was filled: the caller thanks and keeps nothing.
    /// </summary>
    public bool IsTrapped(IFormCollection form, string formName, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        switch (Judge(form, formName))
        {
            case SpamVerdict.TrapFilled:
                return true;
            case SpamVerdict.TooQuick:
                // A person who was that quick loses nothing: the form comes back filled in, with a new stamp.
                modelState.AddModelError("", text["Form.TooQuick"]);
                break;
            case SpamVerdict.Expired:
                modelState.AddModelError("", text["Form.Expired"]);
                break;
        }
        return false;
    }

    /// <summary>
    /// Judges a posted form by its honeypot and, unless <paramref name="timed"/> is false (a
    /// single click, which a person can make at once), its stamp; counts what it refuses.
    /// </summary>
    public SpamVerdict Judge(IFormCollection form, string formName, bool timed = true)
    {
        var verdict = Verdict(form, formName, timed);
        if (verdict != SpamVerdict.Passed)
        {
            metrics.SpamRefused(formName, verdict);
            LogRefused(logger, formName, verdict);
        }
        return verdict;
    }

    private SpamVerdict Verdict(IFormCollection form, string formName, bool timed)
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
        if (ShownAt(form[StampField].ToString(), formName) is not { } shown || time.GetUtcNow() - shown < least)
        {
            return SpamVerdict.TooQuick;
        }
        return time.GetUtcNow() - shown > TimeSpan.FromHours(options.Value.MaximumAgeHours) ? SpamVerdict.Expired : SpamVerdict.Passed;
    }

    private DateTimeOffset? ShownAt(string stamp, string formName)
    {
        try
        {
            return long.TryParse(StampsOf(formName).Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
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
