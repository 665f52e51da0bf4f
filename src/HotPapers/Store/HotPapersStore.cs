using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HotPapers.Store;

/// <summary>
/// The store: one SQLite file (WAL) or a PostgreSQL database, holding papers, announcements, posts, embeds, engagement snapshots and
/// digests. The schema is migrated on open; every unit of work runs in one transaction through <see cref="Write"/>.
/// </summary>
public sealed partial class HotPapersStore : IDisposable
{
    public const string DefaultFile = "hotpapers.db";

    private readonly DbConnection _connection;

    private HotPapersStore(DbConnection connection, StoreBackend backend)
    {
        _connection = connection;
        Backend = backend;
    }

    public StoreBackend Backend { get; }

    /// <summary>
    /// Opens the store, creating and migrating it as needed. <paramref name="location"/> is a SQLite file path or
    /// connection string, or a PostgreSQL connection string (<c>Host=…;Database=…</c>), which selects PostgreSQL.
    /// </summary>
    public static HotPapersStore Open(string location)
    {
        var store = IsPostgres(location) ? OpenPostgres(location) : OpenSqlite(location);
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

    public static bool IsPostgres(string location) =>
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || location.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    private static HotPapersStore OpenSqlite(string location)
    {
        var builder = location.Contains('=')
            ? new SqliteConnectionStringBuilder(location)
            : new SqliteConnectionStringBuilder { DataSource = location };
        builder.Pooling = false;
        // A new store in a folder that does not exist yet: make the folder rather than fail.
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new HotPapersStore(connection, StoreBackend.Sqlite);
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
        return store;
    }

    private static HotPapersStore OpenPostgres(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return new HotPapersStore(connection, StoreBackend.Postgres);
    }

    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none of it.</summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        using var transaction = _connection.BeginTransaction();
        var result = work(new StoreTransaction(_connection, transaction));
        transaction.Commit();
        return result;
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
        foreach (var table in new[] { "papers", "announcements", "social_posts", "paper_posts", "embeds", "engagement_snapshots", "reported_totals", "digests" })
            counts[table] = Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>
    /// Applies the missing migration steps, each in its own transaction. Several processes may open the store at
    /// once: each step re-reads the version under a write lock (SQLite's immediate transaction, a PostgreSQL
    /// advisory lock), so a step is applied exactly once.
    /// </summary>
    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        foreach (var (version, sql) in Migrations.Steps)
        {
            if (IsApplied(version)) continue;
            using var transaction = _connection.BeginTransaction();
            // SQLite transactions here begin IMMEDIATE, which already holds the write lock.
            if (Backend == StoreBackend.Postgres) Execute("SELECT pg_advisory_xact_lock(731966)", transaction);
            if (!IsApplied(version, transaction))
            {
                Execute(sql, transaction);
                Execute($"INSERT INTO schema_version (version) VALUES ({version})", transaction);
            }
            transaction.Commit();
        }
    }

    /// <summary>Steps are tracked one by one, so a step numbered below one already applied still runs.</summary>
    private bool IsApplied(int version, DbTransaction? transaction = null) =>
        Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM schema_version WHERE version = {version}", transaction), System.Globalization.CultureInfo.InvariantCulture) > 0;

    private void Execute(string sql, DbTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, DbTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>Which database is behind the store. The SQL is shared; only connection set-up and locking differ.</summary>
public enum StoreBackend
{
    Sqlite,
    Postgres,
}
