using System.IO.Compression;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Editing;
using CommerceGuard.Features.Interchange.Importing;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Interchange.Transfer;

/// <summary>
/// Imports a file sent from the back office: a file in any importable format, or a .zip of a
/// Markdown folder or of a CSV file with its categories. The upload is kept in a folder of its
/// own only while it is read. A zip is unpacked with care: no entry may land outside that folder,
/// and the unpacked size is held to the same limit as a file.
/// </summary>
public sealed class UploadedImport(GlossaryImporter importer, AuditLog audit, IOptions<InterchangeOptions> limits)
{
    /// <summary>More entries than any glossary folder has; a zip with more is refused unread.</summary>
    private const int MaxZipEntries = 250_000;

    public async Task<ImportReport> ImportAsync(
        Stream upload, string fileName, InterchangeFormat? format, ImportOptions options, StaffMember who, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("commerceguard-upload-").FullName;
        try
        {
            var name = SafeName(fileName);
            var path = Path.Combine(folder, name);
            await using (var file = File.Create(path))
            {
                await upload.CopyToAsync(file, cancellationToken);
            }
            if (limits.Value.SizeProblem(path) is { } tooLarge)
            {
                return Refused(options, tooLarge);
            }
            if (Path.GetExtension(name).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var unpacked = Path.Combine(folder, "unpacked");
                if (Unpack(path, unpacked) is { } problem)
                {
                    return Refused(options, $"{name}: {problem}");
                }
                (path, format) = Inside(unpacked, format);
            }
            format ??= InterchangeFormat.Guess(path);
            if (format is not { CanImport: true })
            {
                return Refused(options, $"Choose the format of {name}: it is none of {string.Join(", ", InterchangeFormat.All.Where(known => known.CanImport && known.Extension is not null).Select(known => known.Extension))}, nor a .zip of a Markdown folder.");
            }
            var report = await importer.ImportAsync(format.Read!(path, options.Language), format.Name, options, who, cancellationToken: cancellationToken);
            if (report.Written)
            {
                await audit.RecordAsync("glossary.imported", name,
                    $"{format.Name}: {report.Created.Count} created, {report.Updated.Count} updated, {report.Unchanged.Count} unchanged, {report.Skipped.Count} skipped",
                    cancellationToken: cancellationToken);
            }
            return report;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The file to read in an unpacked zip: a CSV file (with its categories beside it), or else the folder as Markdown.</summary>
    private static (string Path, InterchangeFormat? Format) Inside(string unpacked, InterchangeFormat? chosen)
    {
        if (chosen is { IsFolder: true })
        {
            return (unpacked, chosen);
        }
        var files = Directory.EnumerateFiles(unpacked, "*", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".categories.csv", StringComparison.OrdinalIgnoreCase))
            .Select(file => (File: file, Format: chosen ?? InterchangeFormat.Guess(file)))
            .Where(entry => entry.Format is { CanImport: true, IsFolder: false })
            .ToList();
        return files.Count == 1 ? (files[0].File, files[0].Format) : (unpacked, chosen ?? InterchangeFormat.Markdown);
    }

    /// <summary>Unpacks the zip into the folder, or says why it will not.</summary>
    private string? Unpack(string zipPath, string folder)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return $"it holds more than {MaxZipEntries:N0} files.";
            }
            // Sizes in a zip's directory can lie, so the bytes written are counted as well.
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long written = 0;
            foreach (var entry in zip.Entries.Where(entry => !entry.FullName.EndsWith('/')))
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    return $"the entry \"{entry.FullName}\" points outside the folder it unpacks into.";
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var source = entry.Open();
                using var destination = File.Create(target);
                written += CopyWithin(source, destination, limits.Value.MaxFileBytes - written);
                if (written > limits.Value.MaxFileBytes)
                {
                    return $"unpacked, it is larger than {limits.Value.MaxFileMegabytes} MB, the most an import takes.";
                }
            }
            return null;
        }
        catch (InvalidDataException error)
        {
            return $"it is not a zip file that can be read ({error.Message.TrimEnd('.')}).";
        }
    }

    /// <summary>Copies at most one byte more than the room left, so a caller can tell the room ran out.</summary>
    private static long CopyWithin(Stream source, Stream destination, long room)
    {
        var buffer = new byte[81_920];
        long copied = 0;
        int read;
        while (copied <= room && (read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            destination.Write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    /// <summary>The name the upload is kept under: its own name, without folders or characters a file system minds.</summary>
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')).Trim('.');
        return name.Length == 0 ? "upload" : name;
    }

    private static ImportReport Refused(ImportOptions options, string reason)
    {
        var report = new ImportReport { DryRun = options.DryRun };
        report.Rejected.Add(new ImportLine("", 0, reason));
        return report;
    }
}
