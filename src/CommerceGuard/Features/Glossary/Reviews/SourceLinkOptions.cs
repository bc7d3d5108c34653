using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>
/// The background check of source addresses. Section <c>SourceLinks</c>. Off unless turned on:
/// it is the one part of the site that reaches out to other sites.
/// </summary>
public sealed class SourceLinkOptions
{
    public const string Section = "SourceLinks";

    public bool Check { get; set; }

    /// <summary>How long an address's answer holds before it is asked again.</summary>
    [Range(1, 24 * 90)]
    public int EveryHours { get; set; } = 24 * 7;

    /// <summary>The least time between two requests to one host, so that no site is hammered.</summary>
    [Range(0, 3600)]
    public double PerHostSeconds { get; set; } = 10;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Failed checks in a row before a source is flagged as broken.</summary>
    [Range(1, 20)]
    public int FailuresBeforeFlag { get; set; } = 2;

    /// <summary>The most addresses checked in one round; the rest wait for the next.</summary>
    [Range(1, 100_000)]
    public int PerRound { get; set; } = 500;

    /// <summary>
    /// Whether addresses on this machine or a private network may be followed. Off, so that an
    /// address typed into a source cannot make the server probe its own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
