using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>The listener's event identities, written several rows a statement, and its time-ordered tables, on both backends.</summary>
public abstract class JetstreamStateTests(StoreBackend backend)
{
    [StoreFact]
    public void Seen_identities_are_stored_whole_in_every_statement_size_and_a_repeat_reads_back_with_its_first_time()
    {
        using var fixture = new StoreFixture(backend);
        var store = fixture.Store;
        // 300 = 256 + 16 + 16 + 12 × 1: every statement size, and more than one of some.
        var events = Enumerable.Range(0, 300).Select(i => ($"did:plc:{i}|app.bsky.feed.like|3k{i}|create|r", 1_000L + i)).ToList();

        store.Write(tx => tx.Jetstream.MarkSeen(events));
        store.Write(tx => tx.Jetstream.MarkSeen([(events[7].Item1, 99_999L), ("did:plc:new|app.bsky.feed.like|3x|create|r", 5L)]));

        var seen = store.Jetstream.LoadSeen().ToDictionary(s => s.Key, s => s.TimeUs);
        Assert.Equal(301, seen.Count);
        foreach (var (key, timeUs) in events) Assert.Equal(timeUs, seen[key]);
        Assert.Equal(5L, seen["did:plc:new|app.bsky.feed.like|3x|create|r"]);
        Assert.Equal(301, store.Jetstream.LoadSeen().Count);
    }

    [StoreFact]
    public void A_store_from_before_the_time_ordered_tables_keeps_its_identities_and_engagements()
    {
        using var fixture = new StoreFixture(backend);
        // Put the two tables back as schema version 4 made them, with rows, as an existing store has them.
        foreach (var sql in new[]
        {
            "DROP TABLE jetstream_seen",
            "DROP TABLE bluesky_engagements",
            "CREATE TABLE jetstream_seen (event_key TEXT PRIMARY KEY, time_us BIGINT NOT NULL)",
            "CREATE INDEX ix_jetstream_seen_time ON jetstream_seen (time_us)",
            "CREATE TABLE bluesky_engagements (actor_did TEXT NOT NULL, collection TEXT NOT NULL, rkey TEXT NOT NULL, subject TEXT NOT NULL, PRIMARY KEY (actor_did, collection, rkey))",
            "INSERT INTO jetstream_seen (event_key, time_us) VALUES ('did:plc:b|app.bsky.feed.like|3kb|create|r', 20), ('did:plc:a|app.bsky.feed.post|3ka|create|r', 10)",
            "INSERT INTO bluesky_engagements (actor_did, collection, rkey, subject) VALUES ('did:plc:b', 'app.bsky.feed.like', '3kb', 'at://did:plc:p/app.bsky.feed.post/1'), ('did:plc:a', 'app.bsky.feed.repost', '3ka', 'at://did:plc:p/app.bsky.feed.post/2')",
            "DELETE FROM schema_version WHERE version >= 10",
        })
            fixture.Store.Sql.Run(sql);

        using var upgraded = fixture.OpenAnother();

        Assert.True(upgraded.SchemaVersion >= 10);
        Assert.Equal(
            [("did:plc:a|app.bsky.feed.post|3ka|create|r", 10L), ("did:plc:b|app.bsky.feed.like|3kb|create|r", 20L)],
            upgraded.Jetstream.LoadSeen().OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(
            [("did:plc:a", "app.bsky.feed.repost", "3ka"), ("did:plc:b", "app.bsky.feed.like", "3kb")],
            upgraded.Bluesky.EngagementKeys().OrderBy(e => e.Did, StringComparer.Ordinal));
        upgraded.Write(tx =>
        {
            // Still one engagement per actor, collection and rkey, found by them.
            Assert.False(tx.Bluesky.AddEngagement("did:plc:b", "app.bsky.feed.like", "3kb", "at://did:plc:p/app.bsky.feed.post/9"));
            Assert.True(tx.Bluesky.AddEngagement("did:plc:b", "app.bsky.feed.repost", "3kb", "at://did:plc:p/app.bsky.feed.post/9"));
            Assert.Equal("at://did:plc:p/app.bsky.feed.post/2", tx.Bluesky.RemoveEngagement("did:plc:a", "app.bsky.feed.repost", "3ka"));
            Assert.Null(tx.Bluesky.RemoveEngagement("did:plc:a", "app.bsky.feed.repost", "3ka"));
            // The identities are no longer a key (the old table would refuse this row): read back once, first time kept.
            tx.Jetstream.MarkSeen([("did:plc:b|app.bsky.feed.like|3kb|create|r", 30L)]);
        });
        Assert.Contains(("did:plc:b|app.bsky.feed.like|3kb|create|r", 20L), upgraded.Jetstream.LoadSeen());
    }
}

public sealed class SqliteJetstreamStateTests() : JetstreamStateTests(StoreBackend.Sqlite);

public sealed class PostgresJetstreamStateTests() : JetstreamStateTests(StoreBackend.Postgres), IPostgresBacked;
