using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HotPapers.Store.Backends;

/// <summary>One SQLite file in WAL mode (or an in-memory database).</summary>
internal sealed class SqliteBackend : IStoreBackend
{
    private readonly SqliteConnection _connection;
    private readonly string _connectionString;
    private readonly int _pageCacheMiB;

    private SqliteBackend(string connectionString, int pageCacheMiB)
    {
        _connectionString = connectionString;
        _pageCacheMiB = pageCacheMiB;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=" + (-1024 * pageCacheMiB).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        command.ExecuteNonQuery();
    }

    /// <summary>The file a SQLite location names, or null for an in-memory database.</summary>
    public static string? FileOf(string location)
    {
        var builder = location.Contains('=') ? new SqliteConnectionStringBuilder(location) : new SqliteConnectionStringBuilder { DataSource = location };
        return IsInMemory(builder) ? null : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>Opens a file path or a SQLite connection string; a new store in a folder that does not exist yet makes the folder.</summary>
    public static SqliteBackend Open(string location, int pageCacheMiB = HotPapersStore.DefaultPageCacheMiB)
    {
        var builder = location.Contains('=')
            ? new SqliteConnectionStringBuilder(location)
            : new SqliteConnectionStringBuilder { DataSource = location };
        builder.Pooling = false;
        if (!IsInMemory(builder) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
            Directory.CreateDirectory(folder);
        return new SqliteBackend(builder.ToString(), pageCacheMiB);
    }

    public StoreBackend Kind => StoreBackend.Sqlite;

    public DbConnection Connection => _connection;

    // SQLite transactions here begin IMMEDIATE, which already holds the write lock.
    public void LockForMigration(StoreSql sql)
    {
    }

    public IStoreBackend? OpenAnother()
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString);
        return IsInMemory(builder) ? null : new SqliteBackend(_connectionString, _pageCacheMiB);
    }

    public void WriteSocialRows(StoreSql sql, IReadOnlyList<SocialImportRow> rows)
    {
        // An import may hand over one transaction's posts in several pieces (see PostStore.Import): what is known
        // about stored papers lasts as long as the transaction.
        if (sql.Transaction is null || !ReferenceEquals(_storedPapersOf, sql.Transaction))
        {
            _storedPapers.Clear();
            _storedPapersOf = sql.Transaction;
        }
        (_bulk ??= new SqliteSocialBulk(_connection)).Write(rows, _storedPapers);
    }

    private SqliteSocialBulk? _bulk;

    private readonly Dictionary<string, bool> _storedPapers = new(StringComparer.Ordinal);
    private DbTransaction? _storedPapersOf;

    // SQLite runs in the process: a statement costs no round trip, so there is nothing to gain from batching.
    public bool CanBatch => false;

    public void ExecuteBatch(DbConnection connection, DbTransaction? transaction, IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements) =>
        throw new NotSupportedException("SQLite statements run one by one");

    public bool IsTransient(Exception error) => false; // writers wait on busy_timeout instead

    public void Dispose()
    {
        _bulk?.Dispose();
        _connection.Dispose();
    }

    private static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
}
