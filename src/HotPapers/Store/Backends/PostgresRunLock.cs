using System.Globalization;
using HotPapers.Pipeline;
using Npgsql;

namespace HotPapers.Store.Backends;

/// <summary>
/// The daily run lock of a PostgreSQL store: a session advisory lock taken on a connection of its own, held for the
/// whole run. PostgreSQL drops it when that session ends however the process ends, and it is one lock per database
/// whatever directory or machine the run starts from. The holder is named by the session's <c>application_name</c>,
/// which a second run reads from <c>pg_stat_activity</c> for its message.
/// </summary>
internal sealed class PostgresRunLock : IDisposable
{
    /// <summary>The advisory lock key of the daily run (the migrations use 731966 for theirs).</summary>
    public const long Key = 731967;

    private readonly NpgsqlConnection _connection;

    private PostgresRunLock(NpgsqlConnection connection) => _connection = connection;

    public static PostgresRunLock Acquire(string connectionString, TimeProvider clock)
    {
        var holder = string.Create(CultureInfo.InvariantCulture,
            $"hotpapers daily since {clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} pid {Environment.ProcessId} on {Environment.MachineName}");
        // No pooling: closing the connection must end the session, and with it the lock.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = Truncate(holder, 63) };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            connection.Open();
            using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
            if (take.ExecuteScalar() is true) return new PostgresRunLock(connection);
            using var who = new NpgsqlCommand(
                $"SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + $"AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.objid = {Key} AND l.classid = 0 LIMIT 1", connection);
            var name = who.ExecuteScalar() as string;
            throw new RunLockedException($"another run holds the store's lock (PostgreSQL advisory lock {Key} in database {connection.Database}): {(string.IsNullOrEmpty(name) ? "holder unknown" : name)}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// Releases the lock, then closes the session. Closing alone would release it too, but only when the server's
    /// backend process has exited, a moment after the client hung up: a run started in that moment was refused, with
    /// "holder unknown". When the unlock cannot be sent (the connection is broken), the session's end still frees it.
    /// </summary>
    public void Dispose()
    {
        try
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
            release.ExecuteScalar();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The session is gone or going: its end releases the lock.
        }
        _connection.Dispose();
    }
}
