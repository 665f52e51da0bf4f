using HotPapers.Domain;
using HotPapers.Ranking;
using HotPapers.Store.Backends;

namespace HotPapers.Store;

/// <summary>
/// The store: one SQLite file (WAL) or a PostgreSQL database. Its data is split by what it is about:
/// <see cref="Papers"/> (papers, announcements, metadata fetches), <see cref="Posts"/> (social posts, their links to
/// papers, embeds, engagement snapshots) and <see cref="Digests"/> (digests, fixed totals, daily-run steps); platform
/// state lives beside its platform. The schema is migrated on open; every unit of work runs in one transaction
/// through <see cref="Write"/>, whose <see cref="StoreTransaction"/> has the same three parts.
/// </summary>
public sealed class HotPapersStore : IDisposable
{
    public const string DefaultFile = "hotpapers.db";

    private readonly IStoreBackend _backend;

    private HotPapersStore(IStoreBackend backend)
    {
        _backend = backend;
        Sql = new StoreSql(backend.Connection);
        Papers = new PaperStore(Sql);
        Posts = new PostStore(this, Sql);
        Digests = new DigestStore(Sql);
        Changes = new ChangeLog(Sql, backend.Kind);
    }

    public StoreBackend Backend => _backend.Kind;

    public PaperStore Papers { get; }

    public PostStore Posts { get; }

    public DigestStore Digests { get; }

    /// <summary>Which papers, posts, windows and listing dates writes touched, in order (kept by triggers).</summary>
    public ChangeLog Changes { get; }

    /// <summary>Reads outside a transaction, for the data stores and the platform state kept beside each platform.</summary>
    internal StoreSql Sql { get; }

    internal IStoreBackend BackendSeam => _backend;

    /// <summary>
    /// Opens the store, creating and migrating it as needed. <paramref name="location"/> is a SQLite file path or
    /// connection string, or a PostgreSQL connection string (<c>Host=…;Database=…</c>), which selects PostgreSQL.
    /// </summary>
    /// <param name="pageCacheMiB">SQLite's page cache for this store's connection: 64 MiB by default, for imports,
    /// renders and site builds; a process that runs for days and touches a few pages per batch (the Jetstream listener)
    /// asks for less, since the cache fills to its limit and stays. PostgreSQL caches on the server and ignores it.</param>
    public static HotPapersStore Open(string location, int pageCacheMiB = DefaultPageCacheMiB) =>
        Migrated(IsPostgres(location) ? PostgresBackend.Open(location) : SqliteBackend.Open(location, pageCacheMiB));

    public const int DefaultPageCacheMiB = 64;

    public static bool IsPostgres(string location) => PostgresBackend.Names(location);

    /// <summary>
    /// The SQLite file <paramref name="location"/> names when it does not exist yet (opening would create it empty);
    /// null for an existing file, an in-memory database or a PostgreSQL store.
    /// </summary>
    public static string? MissingFile(string location) =>
        IsPostgres(location) || SqliteBackend.FileOf(location) is not { } file || File.Exists(file) ? null : SqliteBackend.FileOf(location);

    /// <summary>
    /// A second connection to the same store, so a long read (a site build) can load on two threads; null for an
    /// in-memory store, which a second connection would not see.
    /// </summary>
    public HotPapersStore? OpenAnother() => _backend.OpenAnother() is { } another ? Migrated(another) : null;

    public int SchemaVersion => (int)Sql.Count("SELECT COALESCE(MAX(version), 0) FROM schema_version");

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none of it.</summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        using var transaction = _backend.Connection.BeginTransaction();
        var unitOfWork = new StoreSql(_backend.Connection, transaction, _backend);
        Sql.Transaction = transaction;
        Sql.UnitOfWork = unitOfWork;
        try
        {
            var result = work(new StoreTransaction(_backend, unitOfWork));
            unitOfWork.EndBatch();
            transaction.Commit();
            return result;
        }
        finally
        {
            Sql.Transaction = null;
            Sql.UnitOfWork = null;
        }
    }

    public void Write(Action<StoreTransaction> work) => Write<object?>(tx =>
    {
        work(tx);
        return null;
    });

    /// <summary>Rows per table: what an import or a run added, and a quick way to see nothing was lost.</summary>
    public IReadOnlyDictionary<string, long> RowCounts()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Migrations.CountedTables)
            counts[table] = Sql.Count($"SELECT COUNT(*) FROM {table}");
        return counts;
    }

    /// <summary>
    /// Everything needed to rank a window: its papers (crawl order), their posts with latest counts and cached
    /// embeds, and the totals fixed for the window; <see cref="PaperTotals"/> decides each paper's totals.
    /// </summary>
    public DigestCandidates LoadCandidates(DigestWindow window, TimeZoneInfo localZone)
    {
        var fixedTotals = Digests.LoadFixedTotals(window);
        var generatedAt = Digests.LoadGeneratedAt(window);
        var printed = Digests.LoadPrinted(window);
        if (printed.Count == 0)
            return PaperTotals.Candidates(window, generatedAt, Papers.LoadAnnounced(window), Posts.LoadForWindow(window), fixedTotals, localZone);
        // A window an imported post printed is what it printed, whatever other posts are imported later; papers
        // no imported post printed (found by a later crawl of these days) come after them.
        var unprinted = Papers.LoadAnnounced(window, unprintedOnly: true);
        var later = PaperTotals.Candidates(window, generatedAt, unprinted, unprinted.Count == 0 ? [] : Posts.LoadForWindow(window), fixedTotals, localZone);
        var asPrinted = PaperTotals.Printed(window, generatedAt, printed, fixedTotals, Digests.LoadLayout(window));
        return asPrinted with { Papers = [.. asPrinted.Papers, .. later.Papers] };
    }

    /// <summary>
    /// Posts (with all their snapshots) and fixed totals per paper id; pass <paramref name="only"/> to read one
    /// paper. Reading all at once is what keeps a full site build to a handful of queries.
    /// </summary>
    public IReadOnlyDictionary<string, PaperActivity> LoadPaperActivity(ArxivId? only = null)
    {
        var posts = Posts.LoadLinked(only);
        var reported = Digests.LoadFixedTotalsByPaper(only);
        var activity = new Dictionary<string, PaperActivity>(StringComparer.Ordinal);
        foreach (var key in posts.Keys.Union(reported.Keys))
            activity[key] = new PaperActivity(posts.TryGetValue(key, out var p) ? p : [], reported.TryGetValue(key, out var r) ? r : []);
        return activity;
    }

    private static HotPapersStore Migrated(IStoreBackend backend)
    {
        var store = new HotPapersStore(backend);
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Applies the missing migration steps, each in its own transaction. Several processes may open the store at
    /// once: each step re-reads the version under the backend's write lock, so a step is applied exactly once.
    /// </summary>
    private void Migrate()
    {
        Sql.Run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        foreach (var (version, sql) in Migrations.For(_backend.Kind))
        {
            if (IsApplied(version, Sql)) continue;
            using var transaction = _backend.Connection.BeginTransaction();
            var inTransaction = new StoreSql(_backend.Connection, transaction);
            _backend.LockForMigration(inTransaction);
            if (!IsApplied(version, inTransaction))
            {
                inTransaction.Run(sql);
                inTransaction.Run($"INSERT INTO schema_version (version) VALUES ({version})");
            }
            transaction.Commit();
        }
    }

    /// <summary>Steps are tracked one by one, so a step numbered below one already applied still runs.</summary>
    private static bool IsApplied(int version, StoreSql sql) => sql.Count($"SELECT COUNT(*) FROM schema_version WHERE version = {version}") > 0;

    public void Dispose() => _backend.Dispose();
}
