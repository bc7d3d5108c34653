using CommerceGuard.Features.Interchange.Importing;

namespace CommerceGuard.Features.Interchange;

public static class InterchangeSetup
{
    public static WebApplicationBuilder AddInterchange(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InterchangeOptions>()
            .BindConfiguration(InterchangeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<GlossaryImporter>();
        builder.Services.AddScoped<Exporting.GlossaryExporter>();
        builder.Services.AddScoped<Transfer.UploadedImport>();
        builder.Services.AddScoped<Transfer.ExportDownload>();
        return builder;
    }
}
