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
                var inside = Inside(unpacked, format);
                if (inside.Problem is not null)
                {
                    return Refused(options, $"{name}: {inside.Problem}");
                }
                (path, format) = (inside.Path!, inside.Format);
            }
            format ??= InterchangeFormat.Guess(path);
            if (format is not { CanImport: true })
            {
                return Refused(options, $"Choose the format of {name}: it is none of {string.Join(", ", InterchangeFormat.All.Where(known => known.CanImport && known.Extension is not null).Select(known => known.Extension))}, nor a .zip of a Markdown folder.");
            }
            if (limits.Value.SizeProblem(path, format) is { } tooLargeToRead)
            {
                return Refused(options, tooLargeToRead);
            }
            var report = await importer.ImportAsync(format, path, options, who, cancellationToken: cancellationToken);
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

    /// <summary>
    /// What to read in an unpacked zip: a folder with Markdown files is a Markdown folder (the
    /// site's own export has a categories.json beside them); otherwise the one file in the
    /// chosen format, or in any format we read (a CSV file's categories file beside it).
    /// </summary>
    private static (string? Path, InterchangeFormat? Format, string? Problem) Inside(string unpacked, InterchangeFormat? chosen)
    {
        var root = WithoutWrapper(unpacked);
        var hasMarkdown = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Any();
        if (chosen is { IsFolder: true } || (chosen is null && hasMarkdown))
        {
            return hasMarkdown ? (root, InterchangeFormat.Markdown, null) : (null, null, "it holds no Markdown (.md) files.");
        }
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".categories.csv", StringComparison.OrdinalIgnoreCase))
            .Select(file => (File: file, Format: InterchangeFormat.Guess(file)))
            .Where(entry => entry.Format is { CanImport: true, IsFolder: false } && (chosen is null || entry.Format == chosen))
            .ToList();
        return files.Count == 1
            ? (files[0].File, files[0].Format, null)
            : (null, null, $"it should hold one {(chosen is null ? "file to import" : $"{chosen.Extension} file")}, or a folder of Markdown files; it holds {files.Count}.");
    }

    /// <summary>The folder inside a zip made by compressing one folder, or the zip's own top when it holds more.</summary>
    private static string WithoutWrapper(string folder)
    {
        while (Directory.GetFiles(folder).Length == 0 && Directory.GetDirectories(folder) is [var only])
        {
            folder = only;
        }
        return folder;
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
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Entry names that clash ("a" and "a/b"), or are too long for a file system.
            return $"its files cannot be unpacked as they are named ({error.Message.TrimEnd('.')}).";
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
