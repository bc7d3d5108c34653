using System.IO.Compression;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Interchange.Exporting;

namespace CommerceGuard.Features.Interchange.Transfer;

/// <summary>A finished export, ready to send: a file that deletes itself once it is closed.</summary>
public sealed record ExportFile(Stream Content, string FileName, string ContentType);

/// <summary>
/// Exports the glossary for the back office to send. Formats written as one file are sent as
/// they are; the Markdown folder, and CSV with its categories beside it, are sent as a .zip.
/// </summary>
public sealed class ExportDownload(GlossaryExporter exporter, AuditLog audit, TimeProvider time)
{
    public async Task<ExportFile> ExportAsync(InterchangeFormat format, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("commerceguard-export-").FullName;
        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"glossary-{stamp}";
        try
        {
            var content = Path.Combine(folder, "content");
            Directory.CreateDirectory(content);
            var written = format.IsFolder ? content : Path.Combine(content, name + format.Extension);
            var count = await exporter.ExportAsync(format, written, cancellationToken);
            await audit.RecordAsync("glossary.exported", format.Name, $"{count} terms", cancellationToken: cancellationToken);
            var (path, fileName, type) = Directory.GetFiles(content, "*", SearchOption.AllDirectories).Length == 1 && !format.IsFolder
                ? (written, name + format.Extension, ContentTypeOf(format))
                : (Zip(content, Path.Combine(folder, name + ".zip")), $"{name}-{format.Name}.zip", "application/zip");
            var sent = Path.GetTempFileName();
            File.Move(path, sent, overwrite: true);
            return new ExportFile(new FileStream(sent, FileMode.Open, FileAccess.Read, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous), fileName, type);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Zip(string folder, string zipPath)
    {
        ZipFile.CreateFromDirectory(folder, zipPath, CompressionLevel.Optimal, includeBaseDirectory: false);
        return zipPath;
    }

    private static string ContentTypeOf(InterchangeFormat format) => format.Extension switch
    {
        ".json" => "application/json",
        ".jsonld" => "application/ld+json",
        ".csv" => "text/csv; charset=utf-8",
        ".ttl" => "text/turtle; charset=utf-8",
        ".rdf" => "application/rdf+xml",
        _ => "application/octet-stream",
    };
}
