using System.Buffers.Binary;
using System.Text.Json;
using CommerceGuard.Features.Glossary.Editing;

namespace CommerceGuard.Features.Interchange.Importing;

/// <summary>
/// The accepted terms of an import, kept in a temporary file between checking them all and
/// writing them, so that the memory an import needs does not grow with its size. Each term is
/// its length and its JSON; the file is deleted when the spool is disposed.
/// </summary>
internal sealed class ImportSpool : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"commerceguard-import-{Guid.NewGuid():N}.spool");
    private readonly FileStream writer;

    public ImportSpool()
    {
        writer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
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
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var length = new byte[4];
        var buffer = new byte[64 * 1024];
        for (var i = 0; i < Count; i++)
        {
            reader.ReadExactly(length);
            var size = BinaryPrimitives.ReadInt32LittleEndian(length);
            if (size > buffer.Length)
            {
                buffer = new byte[size];
            }
            reader.ReadExactly(buffer, 0, size);
            yield return JsonSerializer.Deserialize<ImportedTerm>(buffer.AsSpan(0, size), JsonSerializerOptions.Web)
                ?? throw new InvalidDataException("The import's spool holds an empty entry.");
        }
    }

    public void Dispose() => writer.Dispose();
}
