namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// What the first bytes of an import file say about it. Every text format we read is UTF-8;
/// an empty file or a UTF-16 one is refused before any parsing, with a sentence saying how to fix it.
/// </summary>
public static class TextEncodingCheck
{
    /// <summary>The sentence for text that is not UTF-8 once reading is under way.</summary>
    public const string NotUtf8 = "Its text is not UTF-8 (Latin-1, perhaps); save the file as UTF-8.";

    /// <summary>Why the file cannot be read at all, or null when it may be UTF-8.</summary>
    public static string? StartProblem(ReadOnlySpan<byte> start)
    {
        if (start.IsEmpty)
        {
            return "The file is empty.";
        }
        if (start is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return "The file is UTF-16; save it as UTF-8.";
        }
        // UTF-16 without a byte-order mark: every other byte of plain text is zero.
        if (start.Length >= 4 && (start[0] == 0 || start[1] == 0) && (start[2] == 0 || start[3] == 0))
        {
            return "The file is UTF-16 or UTF-32; save it as UTF-8.";
        }
        return null;
    }

    /// <summary>The line (from 1) of the first byte that is not UTF-8, for a file read whole.</summary>
    public static int FirstInvalidLine(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var start = 0;
        while (start < bytes.Length)
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            var length = end < 0 ? bytes.Length - start : end + 1;
            if (!System.Text.Unicode.Utf8.IsValid(bytes.Slice(start, length)))
            {
                return line;
            }
            start += length;
            line++;
        }
        return line;
    }

    /// <summary>The line (from 1) of the first byte that is not UTF-8 in a file, read a line at a time.</summary>
    public static int FirstInvalidLine(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        var line = new List<byte>();
        var number = 1;
        int next;
        while ((next = stream.ReadByte()) >= 0)
        {
            line.Add((byte)next);
            if (next == '\n')
            {
                if (!System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line)))
                {
                    return number;
                }
                line.Clear();
                number++;
            }
        }
        return number;
    }

    /// <summary>Reads up to the first few bytes of a file, to hand to <see cref="StartProblem"/>.</summary>
    public static byte[] FirstBytes(string path, int count = 4)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }
}
