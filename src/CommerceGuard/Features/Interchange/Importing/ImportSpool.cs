using System.Buffers.Binary;
using System.Text.Json;
using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// The accepted terms of an import, kept in a temporary file between checking them all and
/// writing them, so that the memory an import needs does not grow with its size. Each term is
/// its length and its JSON. The file goes when the spool is disposed, and with the process
/// however it ends: killed in the middle of an import, it leaves nothing behind.
/// </summary>
internal sealed class ImportSpool : IDisposable
{
    private readonly FileStream writer;

    public ImportSpool()
    {
        // Windows deletes the file when its handle closes, whatever ends the process. Elsewhere
        // "delete on close" is done by the process as it closes the file, which a killed process
        // never does; there the file is unlinked at once instead, and lives only while it is open.
        var path = Path.Combine(Path.GetTempPath(), $"commerceguard-import-{Guid.NewGuid():N}.spool");
        var windows = OperatingSystem.IsWindows();
        writer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16, windows ? FileOptions.DeleteOnClose : FileOptions.None);
        if (!windows)
        {
            File.Delete(path);
        }
    }

    public int Count { get; private set; }

    public void Add(ImportedTerm term)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(term, JsonSerializerOptions.Web);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        writer.Write(length);
        writer.Write(json);
        Count++;
    }

    /// <summary>The terms in the order they were added; may be read more than once.</summary>
    public IEnumerable<ImportedTerm> Read()
    {
        writer.Flush();
        // Through the handle the spool already holds, at offsets of this reading's own: the file
        // may have no name to open it by.
        var offset = 0L;
        var length = new byte[4];
        var buffer = new byte[64 * 1024];
        for (var i = 0; i < Count; i++)
        {
            offset += ReadAt(offset, length, length.Length);
            var size = BinaryPrimitives.ReadInt32LittleEndian(length);
            if (size > buffer.Length)
            {
                buffer = new byte[size];
            }
            offset += ReadAt(offset, buffer, size);
            yield return JsonSerializer.Deserialize<ImportedTerm>(buffer.AsSpan(0, size), JsonSerializerOptions.Web)
                ?? throw new InvalidDataException("The import's spool holds an empty entry.");
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes from the offset.</summary>
    private int ReadAt(long offset, byte[] buffer, int count)
    {
        for (var done = 0; done < count;)
        {
            var read = RandomAccess.Read(writer.SafeFileHandle, buffer.AsSpan(done, count - done), offset + done);
            if (read == 0)
            {
                throw new InvalidDataException("The import's spool ends early.");
            }
            done += read;
        }
        return count;
    }

    public void Dispose() => writer.Dispose();
}
