using System.Globalization;
using HotPapers.Store;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Where the Jetstream listener resumes from, kept in the store: the last committed cursor of each stream, and
/// the identities of recently applied events (so a rewound resume counts nothing twice).
/// </summary>
public sealed class JetstreamState
{
    private readonly StoreSql _sql;

    internal JetstreamState(StoreSql sql) => _sql = sql;

    /// <summary>The last committed <c>time_us</c> of a stream, or null before the first commit.</summary>
    public long? LoadCursor(string stream) =>
        _sql.Scalar("SELECT time_us FROM jetstream_cursors WHERE stream = @s", ("s", stream)) is { } value
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Event identities applied recently (within the rewind window kept by the listener), each once, with the time
    /// it was first recorded.
    /// </summary>
    public List<(string Key, long TimeUs)> LoadSeen() =>
        _sql.Rows("SELECT event_key, MIN(time_us) FROM jetstream_seen GROUP BY event_key", r => (r.GetString(0), r.GetInt64(1)));

    public void SetCursor(string stream, long timeUs) =>
        _sql.Run("""
            INSERT INTO jetstream_cursors (stream, time_us) VALUES (@stream, @t)
            ON CONFLICT (stream) DO UPDATE SET time_us = excluded.time_us
            """,
            ("stream", stream), ("t", timeUs));

    /// <summary>
    /// Records that these events were applied. The table is in time order with no key on the identity (a batch adds
    /// rows at its end instead of all over an index: docs/benchmarks-history.md), so recording one again adds a row;
    /// <see cref="LoadSeen"/> reads it back once, with its first time. The listener never does: its memory holds
    /// every identity recorded and it records only new ones.
    /// </summary>
    public void MarkSeen(IReadOnlyList<(string Key, long TimeUs)> events)
    {
        // A few fixed statement sizes, each prepared once per connection: 256 rows a statement, then 16, then 1.
        var at = 0;
        foreach (var insert in SeenInserts)
            for (; events.Count - at >= insert.Rows; at += insert.Rows)
            {
                var parameters = new (string Name, object? Value)[insert.Rows * 2];
                for (var i = 0; i < insert.Rows; i++)
                {
                    parameters[2 * i] = (insert.Names[2 * i], events[at + i].Key);
                    parameters[2 * i + 1] = (insert.Names[2 * i + 1], events[at + i].TimeUs);
                }
                _sql.Hot(insert.Sql, parameters);
            }
    }

    private static readonly SeenInsert[] SeenInserts = [new(256), new(16), new(1)];

    private sealed class SeenInsert
    {
        public SeenInsert(int rows)
        {
            Rows = rows;
            Names = Enumerable.Range(0, rows).SelectMany(i => new[] { "k" + i.ToString(CultureInfo.InvariantCulture), "t" + i.ToString(CultureInfo.InvariantCulture) }).ToArray();
            Sql = "INSERT INTO jetstream_seen (event_key, time_us) VALUES "
                + string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@{Names[2 * i]}, @{Names[2 * i + 1]})"));
        }

        public int Rows { get; }
        public string[] Names { get; }
        public string Sql { get; }
    }

    public void PruneSeen(long olderThanTimeUs) =>
        _sql.Run("DELETE FROM jetstream_seen WHERE time_us < @t", ("t", olderThanTimeUs));
}

public static class JetstreamStateAccess
{
    extension(HotPapersStore store)
    {
        public JetstreamState Jetstream => new(store.Sql);
    }

    extension(StoreTransaction tx)
    {
        public JetstreamState Jetstream => new(tx.Sql);
    }
}
