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

    /// <summary>Event identities applied recently (within the rewind window kept by the listener).</summary>
    public List<(string Key, long TimeUs)> LoadSeen() =>
        _sql.Rows("SELECT event_key, time_us FROM jetstream_seen", r => (r.GetString(0), r.GetInt64(1)));

    public void SetCursor(string stream, long timeUs) =>
        _sql.Run("""
            INSERT INTO jetstream_cursors (stream, time_us) VALUES (@stream, @t)
            ON CONFLICT (stream) DO UPDATE SET time_us = excluded.time_us
            """,
            ("stream", stream), ("t", timeUs));

    /// <summary>Records that an event was applied; false when it already was (a replay after a rewind).</summary>
    public bool MarkSeen(string eventKey, long timeUs) =>
        _sql.HotCount("INSERT INTO jetstream_seen (event_key, time_us) VALUES (@key, @t) ON CONFLICT (event_key) DO NOTHING",
            ("key", eventKey), ("t", timeUs)) > 0;

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
