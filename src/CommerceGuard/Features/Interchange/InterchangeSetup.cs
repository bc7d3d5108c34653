using CommerceGuard.Features.Interchange.Importing;

namespace CommerceGuard.Features.Interchange;

public static class InterchangeSetup
{
    public static WebApplicationBuilder AddInterchange(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GlossaryImporter>();
        builder.Services.AddScoped<Exporting.GlossaryExporter>();
        return builder;
    }
}
