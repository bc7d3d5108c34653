using System.Text.Json.Serialization;

namespace CommerceGuard.Features.Glossary;

/// <summary>A work a term draws on, cited the way a reader can find it again.</summary>
public sealed record TermSource
{
    public const int TitleMaxLength = 300;
    public const int AddressMaxLength = 2000;
    public const int PublisherMaxLength = 200;

    public required string Title { get; init; }

    /// <summary>An absolute http or https address, when the work is online.</summary>
    public string? Address { get; init; }

    public string? Publisher { get; init; }

    /// <summary>
    /// The address when it is one a reader can follow: http or https. Saved sources are checked,
    /// but a preview shows what is being typed, so pages link through this.
    /// </summary>
    [JsonIgnore]
    public string? WebAddress =>
        Uri.TryCreate(Address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? Address
            : null;

    /// <summary>When an editor last read it at that address.</summary>
    public DateOnly? Accessed { get; init; }
}
