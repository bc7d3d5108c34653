using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Features.Interchange;

/// <summary>How large an import may be. Section <c>Interchange</c>.</summary>
public sealed class InterchangeOptions
{
    public const string Section = "Interchange";

    /// <summary>The most any setting may allow: the back office's upload limit is built on it.</summary>
    public const int LargestFileMegabytes = 200;

    /// <summary>The largest file (or folder, or unpacked upload) an import reads, in megabytes.</summary>
    [Range(1, LargestFileMegabytes)]
    public int MaxFileMegabytes { get; set; } = LargestFileMegabytes;

    /// <summary>The most terms one import may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxTerms { get; set; } = 100_000;

    /// <summary>
    /// The largest SKOS file (Turtle or RDF/XML) an import reads, in megabytes. A SKOS file may say
    /// things about a concept anywhere in it, so it is read whole, in memory, unlike the other formats.
    /// </summary>
    [Range(1, LargestFileMegabytes)]
    public int MaxGraphMegabytes { get; set; } = 50;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>Why a file or folder is too large to import in the format, or null when it is not.</summary>
    public string? SizeProblem(string path, InterchangeFormat? format = null)
    {
        var bytes = Directory.Exists(path)
            ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length)
            : new FileInfo(path).Length;
        var (limit, setting) = format is { ReadsWhole: true }
            ? (MaxGraphMegabytes, nameof(MaxGraphMegabytes))
            : (MaxFileMegabytes, nameof(MaxFileMegabytes));
        return bytes <= limit * 1024L * 1024L
            ? null
            : $"{Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar))} is {Megabytes(bytes)} MB; an import of {format?.Name ?? "a file"} takes at most {limit} MB ({Section}:{setting}).";
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
