using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>
/// Runs SQL on the store's connection, inside a transaction when there is one. Parameters are named <c>@name</c>;
/// null binds as SQL NULL. Every data store (papers, posts, digests, platform state) reads and writes through this.
/// </summary>
internal sealed class StoreSql(DbConnection connection, DbTransaction? transaction = null, Backends.IStoreBackend? batcher = null)
{
    // Statements flushed together once this many wait, so a long batch does not hold everything in memory.
    private const int MaxPending = 2000;

    // Writes waiting to be sent together (see BeginBatch); null when each statement runs as it is called.
    private List<(string Sql, (string Name, object? Value)[] Parameters)>? _pending;

    public DbConnection Connection => connection;

    /// <summary>
    /// The transaction statements run in. The store's own reads join the transaction of a unit of work in
    /// progress on the same connection (a read inside <see cref="HotPapersStore.Write"/>).
    /// </summary>
    public DbTransaction? Transaction { get; set; } = transaction;

    /// <summary>
    /// From now on, <see cref="Run"/> and <see cref="Hot"/> statements wait and are sent together (PostgreSQL: one
    /// round trip per <see cref="MaxPending"/> statements) before the next read, count or <see cref="EndBatch"/>. Only
    /// a backend that can batch does; otherwise statements keep running one by one. Errors of a waiting statement
    /// surface when the batch is sent, still inside the same transaction.
    /// </summary>
    public void BeginBatch()
    {
        if (batcher is { CanBatch: true }) _pending = [];
    }

    public void EndBatch()
    {
        Flush();
        _pending = null;
    }

    /// <summary>
    /// The SQL of the unit of work in progress on this connection, whose queued writes a read through this one must
    /// see first (the store's own reads during <see cref="HotPapersStore.Write"/>).
    /// </summary>
    public StoreSql? UnitOfWork { get; set; }

    private void Flush()
    {
        UnitOfWork?.Flush();
        if (_pending is not { Count: > 0 }) return;
        batcher!.ExecuteBatch(connection, Transaction, _pending);
        _pending.Clear();
    }

    private bool Deferred(string sql, (string Name, object? Value)[] parameters)
    {
        if (_pending is null) return false;
        _pending.Add((sql, parameters));
        if (_pending.Count >= MaxPending) Flush();
        return true;
    }

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        Flush(); // a read sees every write before it
        var command = connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a statement (or queues it, in a batch).</summary>
    public void Run(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!Deferred(sql, parameters)) RunCount(sql, parameters);
    }

    /// <summary>Runs a statement now, even in a batch; returns the rows it changed.</summary>
    public int RunCount(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    public long Count(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(Scalar(sql, parameters) ?? 0L, CultureInfo.InvariantCulture);

    /// <summary>Every row of a query, each read by <paramref name="read"/>.</summary>
    public List<T> Rows<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        [.. Stream(sql, read, parameters)];

    /// <summary>
    /// Every row of a query, read one at a time as the caller enumerates (once): for tables too big to hold in memory
    /// at once. The reader stays open until the enumeration ends.
    /// </summary>
    public IEnumerable<T> Stream<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    // The Jetstream listener runs the same few statements thousands of times a second: prepare each once per
    // connection and rebind, instead of parsing the SQL on every call. The cache dies with its connection.
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Statements = new();

    /// <summary>Runs a statement kept prepared on this connection (or queues it, in a batch).</summary>
    public void Hot(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!Deferred(sql, parameters)) HotCount(sql, parameters);
    }

    /// <summary>
    /// Every row of a query kept prepared on this connection: for the few fixed queries a site build runs once per
    /// day (a thousand times each), which would otherwise be parsed and planned again on every call.
    /// </summary>
    public List<T> HotRows<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var reader = Cached(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>The first column of the first row of a query kept prepared on this connection, or null.</summary>
    public object? HotScalar(string sql, params (string Name, object? Value)[] parameters) =>
        Cached(sql, parameters).ExecuteScalar() is { } value and not DBNull ? value : null;

    /// <summary>Runs a statement kept prepared on this connection now, even in a batch; returns the rows it changed.</summary>
    public int HotCount(string sql, params (string Name, object? Value)[] parameters) => Cached(sql, parameters).ExecuteNonQuery();

    /// <summary>A statement kept prepared on this connection, bound to these values (for a RETURNING or scalar read).</summary>
    public DbCommand Cached(string sql, params (string Name, object? Value)[] parameters)
    {
        Flush();
        var cache = Statements.GetOrCreateValue(connection);
        if (!cache.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }
            cache[sql] = command;
        }
        command.Transaction = Transaction;
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>How times are written in the store: UTC instants with a Z, local wall-clock times without a zone.</summary>
internal static class StoreTime
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm:ss";

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> of the UTC time, written digit by digit: what the invariant culture's custom
    /// format gives, at a fraction of its cost (an import writes two times a post).
    /// </summary>
    public static string Utc(DateTimeOffset t) => string.Create(24, t.UtcDateTime, static (chars, u) =>
    {
        Digits(chars[..4], u.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), u.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), u.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), u.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), u.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), u.Second);
        chars[19] = '.';
        Digits(chars.Slice(20, 3), u.Millisecond);
        chars[23] = 'Z';
    });

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (char)('0' + value % 10);
    }

    public static string Local(DateTime t) => t.ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// A time <see cref="Utc"/> wrote, read digit by digit (a site build reads three a post); anything not in exactly that
    /// form, or not a real date and time, goes to the invariant culture's parser, whose result or error it is.
    /// </summary>
    public static DateTimeOffset ParseUtc(string s) =>
        IsoTimeDigits.TryReadUtc(s, millisecondsOptional: false, out var at)
            ? at
            : DateTimeOffset.ParseExact(s, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A local time <see cref="Local"/> wrote, read as <see cref="ParseUtc"/> reads one.</summary>
    public static DateTime ParseLocal(string s) =>
        IsoTimeDigits.TryReadLocal(s, out var t) ? t : DateTime.ParseExact(s, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
