using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneTerm = Lucene.Net.Index.Term;

namespace CommerceGuard.Features.Search;

/// <summary>
/// This server's search index: a Lucene index in a folder of its own, built from the database
/// (which stays the source of truth) and stamped with the change-feed sequence it reflects.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string SequenceKey = "sequence";
    private const string SequenceAtKey = "sequence-at";
        /// <summary>
    /// How the words of this build's index were made. An index made another way (before terms
    /// were stemmed by their language, say) reads as empty, so that it is built again.
    /// </summary>
    private const string AnalysisKey = "analysis";
    private const string Analysis = "2: stemmed per language";
    private readonly System.Threading.Lock gate = new();
    private string? path;
    private NIOFSDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    /// <summary>The change-feed sequence the index reflects; 0 for an empty index.</summary>
    public long Sequence { get; private set; }

    /// <summary>When that change was made, as the database recorded it: with the sequence, it names one database's change.</summary>
    public DateTime SequenceAt { get; private set; }

    /// <summary>
    /// True once the index holds the glossary and can answer searches: after it is written, or
    /// when an index found on disk has been <see cref="Confirm">confirmed</see> to match the database.
    /// </summary>
    public bool IsReady { get; private set; }

    /// <summary>Opens the index in <paramref name="folder"/>; a damaged index is thrown away and started afresh.</summary>
    public void Open(string folder)
    {
        lock (gate)
        {
            if (writer is not null && path == folder)
            {
                return;
            }
            CloseFolder();
            path = folder;
            try
            {
                OpenFolder();
            }
            catch (Exception error) when (IsDamage(error))
            {
                CloseFolder();
                System.IO.Directory.Delete(folder, recursive: true);
                OpenFolder();
            }
        }
    }

    /// <summary>Replaces everything in the index with the documents made of these items.</summary>
    public void Replace<T>(IEnumerable<T> items, Func<T, Document> document, long sequence, DateTime sequenceAt, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var indexWriter = Writer();
            indexWriter.DeleteAll();
            // Documents are made and analyzed on every core: a full build is rare, and the
            // sooner it ends the sooner readers get the index rather than title-only answers.
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            Parallel.ForEach(items, options, item =>
            {
                var made = document(item);
                indexWriter.AddDocument(made, AnalyzerOf(made));
            });
            // One segment: every query opens each field's terms once per segment, so at 100,000
            // terms this halves search time and the garbage it makes, for 2.5 s more building.
            indexWriter.ForceMerge(1);
            Commit(sequence, sequenceAt);
        }
    }

    /// <summary>A term's words are made by its language's rules.</summary>
    private static Analyzer AnalyzerOf(Document document) =>
        SearchAnalyzers.PerField(document.Get(SearchFields.Language, CultureInfo.InvariantCulture) ?? Glossary.Languages.Default);

    /// <summary>Writes changed terms (a null document deletes the term) and records the sequence reached.</summary>
    public void Apply(IEnumerable<(string Key, Document? Document)> changes, long sequence, DateTime sequenceAt)
    {
        lock (gate)
        {
            var indexWriter = Writer();
            foreach (var (key, document) in changes)
            {
                if (document is null)
                {
                    indexWriter.DeleteDocuments(new LuceneTerm(SearchFields.Key, key));
                }
                else
                {
                    indexWriter.UpdateDocument(new LuceneTerm(SearchFields.Key, key), document, AnalyzerOf(document));
                }
            }
            Commit(sequence, sequenceAt);
        }
    }

    /// <summary>Lets an index found on disk answer searches, once its stamp was found in the database's change feed.</summary>
    public void Confirm() => IsReady = Sequence > 0;

    /// <summary>Set when a search found the index damaged; the indexer then builds it afresh.</summary>
    public bool IsDamaged { get; private set; }

    /// <summary>
    /// Runs a search on the newest state of the index. False when the index cannot answer: it is
    /// not built yet, or it turned out to be damaged (it is then marked for rebuilding), so that
    /// the caller answers from the database instead of failing the reader's request.
    /// </summary>
    public bool TrySearch<T>(Func<IndexSearcher, T> search, [MaybeNullWhen(false)] out T result)
    {
        result = default;
        var manager = searchers;
        if (!IsReady || manager is null)
        {
            return false;
        }
        try
        {
            var searcher = manager.Acquire();
            try
            {
                result = search(searcher);
                return true;
            }
            finally
            {
                manager.Release(searcher);
            }
        }
        catch (ObjectDisposedException)
        {
            // Closed under us by a rebuild: nothing is wrong with the index, it is being replaced.
            return false;
        }
        catch (Exception error) when (IsDamage(error))
        {
            (IsReady, IsDamaged) = (false, true);
            return false;
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // Queries are built within Lucene's limit; should one not be, the database answers.
            return false;
        }
        catch (IOException)
        {
            // Not damage (too many open files, say): this reader gets a database answer; the next tries again.
            return false;
        }
    }

    /// <summary>
    /// What a damaged index, or one whose files have gone, throws, however Lucene wraps it (a
    /// merge that finds a file gone throws it inside two other exceptions). Other input and output
    /// errors (a lock held by another process, too many open files, a full disk) are not damage:
    /// throwing the index away would not cure them.
    /// </summary>
    public static bool IsDamage(Exception? error) => error switch
    {
        null => false,
        CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or EndOfStreamException or FileNotFoundException or DirectoryNotFoundException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsDamage),
        _ => IsDamage(error.InnerException),
    };

    /// <summary>Throws the index away (its folder was deleted or damaged) and opens an empty one to rebuild.</summary>
    public void Reset()
    {
        lock (gate)
        {
            CloseFolder();
            if (path is not null && System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            OpenFolder();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            CloseFolder();
        }
    }

    private void OpenFolder()
    {
        System.IO.Directory.CreateDirectory(path!);
        // Not FSDirectory.Open, which maps the files into memory: Lucene.NET's memory-mapped inputs
        // register every clone (several per query) in a ConditionalWeakTable, and the handles that
        // piles up made each garbage collection pause 4 to 13 ms at 100,000 terms, against 0.1 ms
        // with plain positional reads (bench/RESULTS.md, search). The OS file cache keeps it fast.
        directory = new NIOFSDirectory(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField(Glossary.Languages.Default))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Four times Lucene's default: a full build flushes and merges a quarter as often.
            RAMBufferSizeMB = 64,
        });
        // A new writer has no commit to read; commit once so readers can open, keeping what was there.
        if (!DirectoryReader.IndexExists(directory))
        {
            writer.Commit();
        }
        using (var reader = DirectoryReader.Open(directory))
        {
            var stamp = reader.IndexCommit.UserData;
            var sameAnalysis = stamp.TryGetValue(AnalysisKey, out var analysis) && analysis == Analysis;
            Sequence = sameAnalysis && stamp.TryGetValue(SequenceKey, out var sequence) && long.TryParse(sequence, CultureInfo.InvariantCulture, out var number) ? number : 0;
            SequenceAt = stamp.TryGetValue(SequenceAtKey, out var at) && long.TryParse(at, CultureInfo.InvariantCulture, out var ticks) ? new DateTime(ticks, DateTimeKind.Utc) : default;
        }
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    private void CloseFolder()
    {
        (IsReady, IsDamaged, Sequence, SequenceAt) = (false, false, 0, default);
        // Everything is committed as it is written, so closing discards nothing; and closing
        // must work even when the folder has gone, which a committing close would not.
        Quietly(() => searchers?.Dispose());
        Quietly(() => writer?.Rollback());
        Quietly(() => directory?.Dispose());
        (searchers, writer, directory) = (null, null, null);
    }

    private static void Quietly(Action close)
    {
        try
        {
            close();
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private IndexWriter Writer() => writer ?? throw new InvalidOperationException("The search index is not open.");

    private void Commit(long sequence, DateTime sequenceAt)
    {
        var indexWriter = Writer();
        indexWriter.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [SequenceAtKey] = sequenceAt.Ticks.ToString(CultureInfo.InvariantCulture),
            [AnalysisKey] = Analysis,
        });
        indexWriter.Commit();
        searchers!.MaybeRefreshBlocking();
        (Sequence, SequenceAt) = (sequence, sequenceAt);
        IsReady = true;
    }
}
