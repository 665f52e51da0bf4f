using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HotPapers.Store.Backends;

/// <summary>
/// A statement prepared through SQLite's own API on a Microsoft.Data.Sqlite connection (so inside its transaction)
/// and bound by position. Microsoft.Data.Sqlite spends microseconds per execution (a data reader per statement,
/// parameters bound by name), which is what hot write loops cannot afford. Errors carry SQLite's message, as
/// Microsoft.Data.Sqlite's would.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    // The string last bound at each position: SQLite keeps bindings across resets, and many values are the very same
    // string row after row (the platform, the source, dir, a fetch's measured time), so those bind once.
    private readonly string?[] _bound;

    /// <summary>Whether <paramref name="connection"/> is a SQLite one, on which statements can be prepared this way.</summary>
    public static bool Supports(DbConnection connection) => connection is SqliteConnection;

    public SqliteStatement(DbConnection connection, string sql)
        : this((connection as SqliteConnection)?.Handle ?? throw new InvalidOperationException("not an open SQLite connection"), sql)
    {
    }

    public SqliteStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _bound = new string?[raw.sqlite3_bind_parameter_count(_statement) + 1];
    }

    public SqliteStatement Text(int index, string? value)
    {
        if (value is not null && ReferenceEquals(_bound[index], value)) return this;
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        _bound[index] = value;
        return this;
    }

    public SqliteStatement Integer(int index, long value)
    {
        _bound[index] = null;
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <summary>Runs a write; returns the rows it changed.</summary>
    public int Run()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs a query and tells whether it gave a row.</summary>
    public bool HasRow()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) Check(rc);
        return rc == raw.SQLITE_ROW;
    }

    /// <summary>Runs a statement that returns at most one text value (a <c>RETURNING</c> or a lookup); null when no row.</summary>
    public string? TextResult()
    {
        var rc = raw.sqlite3_step(_statement);
        string? value = null;
        if (rc == raw.SQLITE_ROW && raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_NULL)
            value = raw.sqlite3_column_text(_statement, 0).utf8_to_string();
        // A RETURNING statement finishes its change only when stepped to the end.
        while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
        return value;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
    }
}
