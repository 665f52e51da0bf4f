using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HotPapers.Store;

/// <summary>
/// The store: one SQLite file (WAL) holding papers, announcements, posts, embeds, engagement snapshots and
/// digests. The schema is migrated on open; every unit of work runs in one transaction through <see cref="Write"/>.
/// </summary>
public sealed partial class HotPapersStore : IDisposable
{
    public const string DefaultFile = "hotpapers.db";

    private readonly DbConnection _connection;

    private HotPapersStore(DbConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store at a file path or a SQLite connection string.</summary>
    public static HotPapersStore Open(string location)
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
        var store = new HotPapersStore(connection);
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        store.Migrate();
        return store;
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

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = SchemaVersion;
        foreach (var (version, sql) in Migrations.Steps.Where(s => s.Version > current))
        {
            using var transaction = _connection.BeginTransaction();
            Execute(sql, transaction);
            Execute($"INSERT INTO schema_version (version) VALUES ({version})", transaction);
            transaction.Commit();
        }
    }

    private void Execute(string sql, DbTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}
