using System.Globalization;

namespace CommerceGuard.Features.Syndication;

/// <summary>Times as feeds, sitemaps and schema.org write them: RFC 3339 / W3C, in UTC, to the second.</summary>
internal static class Timestamps
{
    /// <summary>The database keeps UTC without saying so; this says so.</summary>
    public static string Utc(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The same, as a time that carries its offset, for JSON.</summary>
    public static DateTimeOffset UtcOffset(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
