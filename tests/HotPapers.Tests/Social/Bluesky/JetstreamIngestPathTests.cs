using System.Text;
using System.Text.Json;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing;
using HotPapers.Testing.Jetstream;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>
/// The listener's fast path (raw-byte triage, likes, reposts and deletes built from that scan, SQLite statements bound
/// by position) against the reference path it replaced (every frame parsed in full, the store's portable statements),
/// fed the same frames in the same batches:
/// every row of every table the listener writes must be the same, and so must the totals it reports.
/// </summary>
public sealed class JetstreamIngestPathTests
{
    private static readonly string[] Tables =
        ["social_posts", "post_arxiv_links", "paper_posts", "engagement_snapshots", "bluesky_posts", "bluesky_engagements", "jetstream_seen", "jetstream_cursors"];

    [Theory]
    [InlineData(3, 20_000, 700)]
    [InlineData(11, 12_000, 2_000)]
    public void The_fast_path_stores_exactly_what_the_reference_path_stores(int seed, int count, int batchFrames)
    {
        var frames = Stream(seed, count);
        using var fastTemp = new TempStore();
        using var referenceTemp = new TempStore();
        using var fastStore = fastTemp.Open();
        using var referenceStore = referenceTemp.Open();

        var fast = Ingest(fastStore, frames, batchFrames, reference: false);
        var reference = Ingest(referenceStore, frames, batchFrames, reference: true);

        Assert.Equal(reference, fast);
        Assert.True(reference.Likes > 100 && reference.Duplicates > 0 && reference.PostsKept > 10, $"the stream should exercise the listener: {reference}");
        AssertSameRows(referenceStore, fastStore);
    }

    internal static void AssertSameRows(HotPapersStore referenceStore, HotPapersStore fastStore)
    {
        foreach (var table in Tables)
        {
            var expected = Dump(referenceStore, table);
            var actual = Dump(fastStore, table);
            var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
            Assert.True(first < 0 && expected.Count == actual.Count,
                $"{table}: {expected.Count} rows expected, {actual.Count} stored; first difference at row {first}: expected '{(first >= 0 ? expected[first] : "")}', stored '{(first >= 0 ? actual[first] : "")}'");
        }
    }

    private const string Kept = "at://did:plc:author/app.bsky.feed.post/3kkeep";
    private const string Like = """{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"rev":"3rev","operation":"create","collection":"app.bsky.feed.like","rkey":"3like","record":{"$type":"app.bsky.feed.like","createdAt":"2024-01-09T10:31:08.600Z","subject":{"cid":"c","uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}},"cid":"c"}}""";

    /// <summary>
    /// Frames the listener reads without the full parse must give the ingestor what the parse gives it, and odd ones
    /// (escaped, wrongly typed, nested further, repeated fields) must end as the parse ends them: the same frame, or
    /// malformed in both. (A frame the triage skips is not type-checked beyond valid JSON: JetstreamTriageTests.)
    /// </summary>
    [Theory]
    [InlineData(Like)]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.repost","rkey":"3r","record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep","extra":[1,{"a":2}]},"via":{"uri":"at://x"}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"rev":"3rev","operation":"delete","collection":"app.bsky.feed.like","rkey":"3like"}}""")]
    [InlineData("""{"did":"did:plc:author","time_us":20,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.post","rkey":"3kkeep"},"cursor":5}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3like","record":{"text":1}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3like","record":{"text":"x"}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"identity","identity":{"handle":5},"commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3like"}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"identity","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3like"}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":{"uri":"at:\/\/did:plc:author\/app.bsky.feed.post\/3kkeep"}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":"at://x","via":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"langs":"en","subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"createdAt":7,"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep","record":{"uri":"at://x"}}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep","cid":3}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"},"subject":null}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep","uri":null}}}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}}},"commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"3m"}}""")]
    [InlineData("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"3l","rev":null,"record":{"subject":{"uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}}}}""")]
    public void A_frame_read_without_the_full_parse_is_what_the_parse_reads(string json)
    {
        var triage = new JetstreamTriage([Kept], [("did:plc:fan", "app.bsky.feed.like", "3like"), ("did:plc:fan", "app.bsky.feed.like", "3m")]);
        var utf8 = Encoding.UTF8.GetBytes(json);
        var read = triage.TryRead(utf8, out var item, out _);
        var parsed = Parse(utf8);

        Assert.True(read == parsed is not null, $"read {read}, parsed {parsed is not null}, frame {item.Frame is not null}: {json}");
        if (parsed is null) return;
        Assert.True(item.Frame is not null, json);
        Assert.Equal(Meaning(parsed), Meaning(item.Frame));
        Assert.Equal(parsed.TimeUs, item.TimeUs);
    }

    [Fact]
    public void A_like_of_a_kept_post_is_built_from_the_scan()
    {
        var triage = new JetstreamTriage([Kept], []);
        Assert.True(triage.TryRead(Encoding.UTF8.GetBytes(Like), out var item, out _));
        // Built, not parsed: the parse would have read the record's createdAt and the commit's cid.
        Assert.Null(item.Frame!.Commit!.Cid);
        Assert.Equal(Kept, item.Frame.Commit.Record!.Subject!.Uri);
    }

    /// <summary>Everything the ingestor reads of a frame that is not a post create or an identity event.</summary>
    private static string Meaning(JetstreamFrame f) =>
        string.Join(" | ", f.Did, f.TimeUs, f.Kind, f.Identity?.Handle, f.Commit?.Operation, f.Commit?.Collection, f.Commit?.Rkey, f.Commit?.Rev,
            f.Commit?.Record is null ? "no record" : "record", f.Commit?.Record?.Subject?.Uri);

    /// <summary>A generated stream with a rewound stretch sent again (replays) and two malformed frames.</summary>
    internal static List<byte[]> Stream(int seed, int count)
    {
        var events = JetstreamStreamGenerator.Generate(count, seed).Select(e => e.Utf8).ToList();
        var half = count / 2;
        return [.. events[..half], "{\"did\": \"did:plc:x\", \"time_us\": 1, \"kind\": "u8.ToArray(), .. events[(half - 400)..],
            Encoding.UTF8.GetBytes("{\"did\":\"did:plc:y\",\"time_us\":\"soon\",\"kind\":\"commit\"}")];
    }

    internal static JetstreamStats Ingest(HotPapersStore store, List<byte[]> frames, int batchFrames, bool reference)
    {
        var ingestor = new JetstreamIngestor(store, new JetstreamOptions(), ArxivIdFinders.Default)
        {
            Writes = reference ? JetstreamBatchWrites.Portable : JetstreamBatchWrites.For,
        };
        var triage = new JetstreamTriage(ingestor.KeptPosts, store.Bluesky.EngagementKeys());
        ingestor.Reloaded = triage.AddKept;
        var reader = new BlueskyPostReader(ArxivIdFinders.Default);
        var totals = new JetstreamStats();
        var batch = new List<JetstreamEvent>();
        foreach (var json in frames)
        {
            if (!reference)
            {
                // As the listener's receiving side: triage, then read the posts that may link arXiv ahead of the apply.
                if (triage.TryRead(json, out var item, out _))
                {
                    if (item.Frame is { } frame) JetstreamIngestor.ReadAhead(frame, reader);
                    batch.Add(item);
                }
            }
            else if (Parse(json) is { } frame) batch.Add(new JetstreamEvent(frame.TimeUs, frame));
            if (batch.Count == batchFrames)
            {
                totals = totals.Add(ingestor.Apply(batch, final: false));
                batch.Clear();
            }
        }
        return totals.Add(ingestor.Apply(batch, final: true));
    }

    /// <summary>As the listener parses: a frame without a DID or a time is malformed, as is invalid JSON.</summary>
    private static JetstreamFrame? Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, BlueskyJsonContext.Default.JetstreamFrame) is { Did: not null, TimeUs: > 0 } frame ? frame : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> Dump(HotPapersStore store, string table) =>
        store.Sql.Rows($"SELECT * FROM {table}", r => string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal).ToList();
}

/// <summary>On PostgreSQL the listener writes through the portable statements: the same rows as SQLite's fast path.</summary>
public sealed class PostgresJetstreamIngestPathTests : IPostgresBacked
{
    [StoreFact]
    public void PostgreSQL_stores_what_the_SQLite_fast_path_stores()
    {
        var frames = JetstreamIngestPathTests.Stream(5, 8_000);
        using var postgres = new StoreFixture(StoreBackend.Postgres);
        using var sqlite = new StoreFixture();

        var onPostgres = JetstreamIngestPathTests.Ingest(postgres.Store, frames, 900, reference: false);
        var onSqlite = JetstreamIngestPathTests.Ingest(sqlite.Store, frames, 900, reference: false);

        Assert.Equal(onSqlite, onPostgres);
        JetstreamIngestPathTests.AssertSameRows(sqlite.Store, postgres.Store);
    }
}
