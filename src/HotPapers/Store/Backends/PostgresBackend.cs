using System.Data.Common;
using Npgsql;

namespace HotPapers.Store.Backends;

/// <summary>A PostgreSQL database, named by a connection string.</summary>
internal sealed class PostgresBackend : IStoreBackend
{
    private readonly NpgsqlConnection _connection;

    // Kept as given: once open, Npgsql's ConnectionString drops the password, so a second connection needs this one.
    private readonly string _connectionString;

    private PostgresBackend(string connectionString)
    {
        _connectionString = connectionString;
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
    }

    public static PostgresBackend Open(string connectionString) => new(connectionString);

    /// <summary>A PostgreSQL connection string names a host (<c>Host=…</c> or <c>Server=…</c>); anything else is SQLite.</summary>
    public static bool Names(string location) =>
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || location.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public StoreBackend Kind => StoreBackend.Postgres;

    public DbConnection Connection => _connection;

    public void LockForMigration(StoreSql sql) => sql.Run("SELECT pg_advisory_xact_lock(731966)");

    public IStoreBackend? OpenAnother() => new PostgresBackend(_connectionString);

    public void WriteSocialRows(StoreSql sql, IReadOnlyList<SocialImportRow> rows) => PostgresSocialCopy.Write(_connection, rows);

    public bool IsTransient(Exception error) => error is PostgresException { IsTransient: true };

    public void Dispose() => _connection.Dispose();
}
