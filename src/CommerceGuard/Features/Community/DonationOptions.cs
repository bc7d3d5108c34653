using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Features.Community;

/// <summary>Where donations go. Section <c>Donate</c>.</summary>
public sealed class DonationOptions
{
    public const string Section = "Donate";

    /// <summary>The address of the donation page (a payment processor's, usually). Must be http or https.</summary>
    [Required]
    public string Url { get; set; } = "https://commerceguard.org/give";

    /// <summary>A postal address for checks, shown when set.</summary>
    [StringLength(500)]
    public string? MailingAddress { get; set; }
}

public static class CommunitySetup
{
    public static WebApplicationBuilder AddCommunity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DonationOptions>()
            .BindConfiguration(DonationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http",
                "Donate:Url must be an absolute http or https address.")
            .ValidateOnStart();
        builder.Services.AddScoped<Suggestions.Suggestions>();
        return builder;
    }
}
