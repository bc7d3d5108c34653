using System.Text.Json;
using CommerceGuard.Features.Interchange.Importing;

namespace CommerceGuard.Features.Interchange.Json;

/// <summary>
/// Reads a glossary in the JSON format (<c>glossary.schema.json</c>) a record at a time, so that
/// a file of any size is read in memory bounded by its largest term. Each record is reported by
/// its number and the line it starts on; a file that is not UTF-8 JSON, or nests deeper than a
/// glossary ever does, is one rejected line, not a crash.
/// </summary>
public static class JsonGlossaryReader
{
    /// <summary>Deeper than any term; a file nesting further is refused (10,000 levels would exhaust a naive reader).</summary>
    public const int MaxDepth = 16;

    private const int FirstBufferSize = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    public static IEnumerable<SourceItem> Read(string path)
    {
        var file = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        var reader = new Chunks(stream);
        if (reader.Problem is { } encoding)
        {
            yield return new SourceItem(file, 1, null, encoding);
            yield break;
        }
        foreach (var item in reader.Terms(file))
        {
            yield return item;
        }
    }

    /// <summary>The file's bytes in a window that slides (and grows for a large term) as records are read.</summary>
    private sealed class Chunks
    {
        private readonly Stream stream;
        private byte[] buffer = new byte[FirstBufferSize];
        private int filled;
        private bool ended;
        private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = MaxDepth });
        private int linesBefore;
        private int countedTo;

        public Chunks(Stream stream)
        {
            this.stream = stream;
            Fill();
            Problem = TextEncodingCheck.StartProblem(buffer.AsSpan(0, filled));
            if (Problem is null && buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
            {
                Shift(3);
            }
        }

        public string? Problem { get; }

        public IEnumerable<SourceItem> Terms(string file)
        {
            var number = 0;
            var categoryNumber = 0;
            var inTerms = false;
            var inCategories = false;
            var hasTerms = false;
            while (true)
            {
                var step = Next(inTerms, inCategories, out var record, out var category, out var problem, out var line);
                switch (step)
                {
                    case Step.End when !hasTerms:
                        // Another kind of JSON (a JSON-LD export, say) would otherwise import nothing, successfully.
                        yield return new SourceItem(file, 1, null, "The file has no \"terms\" list: it is not a glossary as glossary.schema.json describes.");
                        yield break;
                    case Step.End:
                        yield break;
                    case Step.Broken:
                        yield return new SourceItem(file, line, null, problem);
                        yield break;
                    case Step.TermsStart:
                        (inTerms, hasTerms) = (true, true);
                        break;
                    case Step.TermsEnd:
                        (inTerms, inCategories) = (false, false);
                        break;
                    case Step.CategoriesStart:
                        inCategories = true;
                        break;
                    case Step.Category:
                        categoryNumber++;
                        yield return category is null
                            ? new SourceItem(file, line, null, $"Category {categoryNumber}: {problem}")
                            : new SourceItem(file, line, null, Category: category);
                        break;
                    case Step.Record:
                        number++;
                        yield return record is null
                            ? new SourceItem(file, line, null, $"Term {number}: {problem}")
                            : new SourceItem(file, line, record);
                        break;
                }
            }
        }

        private enum Step { End, Broken, TermsStart, TermsEnd, Record, CategoriesStart, Category, Other }

        /// <summary>Reads the next token (a whole term, inside "terms"), fetching more of the file as needed.</summary>
        private Step Next(bool inTerms, bool inCategories, out TermRecord? record, out CategoryRecord? category, out string? problem, out int line)
        {
            (record, category, problem, line) = (null, null, null, 0);
            while (true)
            {
                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), ended, state);
                try
                {
                    if (!reader.Read())
                    {
                        if (ended)
                        {
                            return Step.End;
                        }
                        Consume(reader);
                        More();
                        continue;
                    }
                    line = LineAt((int)reader.TokenStartIndex);
                    if ((inCategories || inTerms) && reader.TokenType == JsonTokenType.StartObject)
                    {
                        // A whole element must be in the window before it is read; if not, fetch more and try again.
                        var whole = reader;
                        if (!whole.TrySkip())
                        {
                            More();
                            continue;
                        }
                        if (inCategories)
                        {
                            category = Element<CategoryRecord>(ref reader, whole, out problem);
                            return Step.Category;
                        }
                        record = Element<TermRecord>(ref reader, whole, out problem);
                        return Step.Record;
                    }
                    var step = reader.TokenType switch
                    {
                        JsonTokenType.PropertyName when reader.CurrentDepth == 1 && reader.ValueTextEquals("terms"u8) => Step.TermsStart,
                        JsonTokenType.PropertyName when reader.CurrentDepth == 1 && reader.ValueTextEquals("categories"u8) => Step.CategoriesStart,
                        JsonTokenType.EndArray when (inTerms || inCategories) && reader.CurrentDepth == 1 => Step.TermsEnd,
                        _ => Step.Other,
                    };
                    if (step is Step.TermsStart or Step.CategoriesStart)
                    {
                        if (!reader.Read())
                        {
                            More();
                            continue;
                        }
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            problem = "\"terms\" and \"categories\" must be arrays.";
                            return Step.Broken;
                        }
                    }
                    Consume(reader);
                    return step;
                }
                catch (JsonException error)
                {
                    line = linesBefore + (int)(error.LineNumber ?? 0) + 1;
                    problem = $"The file is not valid JSON: {Plain(error)}";
                    return Step.Broken;
                }
            }
        }

        /// <summary>Reads the element the reader stands on (wholly in the window: <paramref name="whole"/> is past its end), and moves past it, read or not.</summary>
        private T? Element<T>(ref Utf8JsonReader reader, Utf8JsonReader whole, out string? problem)
            where T : class
        {
            T? value = null;
            var start = (int)reader.TokenStartIndex;
            try
            {
                value = JsonSerializer.Deserialize<T>(ref reader, Options);
                problem = value is null ? "The entry is null." : null;
            }
            catch (JsonException error)
            {
                var element = buffer.AsSpan(start, (int)whole.BytesConsumed - start);
                problem = System.Text.Unicode.Utf8.IsValid(element)
                    ? Plain(error)
                    : TextEncodingCheck.NotUtf8;
                reader = whole;
            }
            Consume(reader);
            return value;
        }

        /// <summary>Asks for more of the file, into a bigger window when a term fills this one.</summary>
        private void More()
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var before = filled;
            Fill();
            if (filled == before)
            {
                ended = true;
            }
        }

        private void Consume(Utf8JsonReader reader)
        {
            state = reader.CurrentState;
            Shift((int)reader.BytesConsumed);
        }

        private void Fill()
        {
            while (filled < buffer.Length)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    ended = true;
                    return;
                }
                filled += read;
            }
        }

        private void Shift(int consumed)
        {
            // Newlines in what leaves the window move to linesBefore; any counted beyond it stay counted.
            LineAt(consumed);
            var kept = CountLines(consumed, countedTo - consumed);
            linesBefore += currentLines - kept;
            currentLines = kept;
            countedTo -= consumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
        }

        private int currentLines;

        /// <summary>The 1-based line of a position in the window, counting newlines once as the window slides.</summary>
        private int LineAt(int index)
        {
            if (index > countedTo)
            {
                currentLines += CountLines(countedTo, index - countedTo);
                countedTo = index;
            }
            return linesBefore + currentLines + 1;
        }

        private int CountLines(int start, int length) => length <= 0 ? 0 : buffer.AsSpan(start, length).Count((byte)'\n');
    }

    /// <summary>The exception's message without the reader's path and byte position, which mean nothing to a person.</summary>
    private static string Plain(JsonException error)
    {
        var message = error.Message;
        // The framework names the .NET type it wanted, which means nothing to whoever wrote the file.
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && error.Path is { Length: > 2 } path)
        {
            return $"The value of {path[2..]} is not one it can take; glossary.schema.json lists what each field takes.";
        }
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
