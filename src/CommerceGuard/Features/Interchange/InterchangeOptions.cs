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

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>Why a file or folder is too large to import, or null when it is not.</summary>
    public string? SizeProblem(string path)
    {
        var bytes = Directory.Exists(path)
            ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length)
            : new FileInfo(path).Length;
        return bytes <= MaxFileBytes
            ? null
            : $"{Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar))} is {Megabytes(bytes)} MB; an import takes at most {MaxFileMegabytes} MB ({Section}:{nameof(MaxFileMegabytes)}).";
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
