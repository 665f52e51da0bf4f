using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>The listener's event identities, written several rows a statement, on both backends.</summary>
public abstract class JetstreamStateTests(StoreBackend backend)
{
    [StoreFact]
    public void Seen_identities_are_stored_whole_in_every_statement_size_and_a_repeat_keeps_the_first()
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
    }
}

public sealed class SqliteJetstreamStateTests() : JetstreamStateTests(StoreBackend.Sqlite);

public sealed class PostgresJetstreamStateTests() : JetstreamStateTests(StoreBackend.Postgres), IPostgresBacked;
