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
        _connection = new NpgsqlConnection(WithStatementReuse(connectionString));
        _connection.Open();
    }

    public static PostgresBackend Open(string connectionString) => new(connectionString);

    /// <summary>
    /// The store runs the same few statements over and over (an import: a few hundred per post): unless the
    /// connection string says otherwise, Npgsql prepares each on the server after its second use, so PostgreSQL
    /// plans it once per connection instead of every time.
    /// </summary>
    private static string WithStatementReuse(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        return builder.ToString();
    }

    /// <summary>A PostgreSQL connection string names a host (<c>Host=…</c> or <c>Server=…</c>); anything else is SQLite.</summary>
    public static bool Names(string location) =>
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || location.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public StoreBackend Kind => StoreBackend.Postgres;

    public DbConnection Connection => _connection;

    public void LockForMigration(StoreSql sql) => sql.Run("SELECT pg_advisory_xact_lock(731966)");

    public IStoreBackend? OpenAnother() => new PostgresBackend(_connectionString);

    public void WriteSocialRows(StoreSql sql, IReadOnlyList<SocialImportRow> rows) => PostgresSocialCopy.Write(_connection, rows);

    public bool CanBatch => true;

    public void ExecuteBatch(DbConnection connection, DbTransaction? transaction, IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements)
    {
        using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        foreach (var (sql, parameters) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter("@" + name, value ?? DBNull.Value));
            batch.BatchCommands.Add(command);
        }
        batch.ExecuteNonQuery();
    }

    public bool IsTransient(Exception error) => error is PostgresException { IsTransient: true };

    public void Dispose() => _connection.Dispose();
}
