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
/// The listener's fast path (raw-byte triage, SQLite statements bound by position) against the reference path it
/// replaced (every frame parsed in full, the store's portable statements), fed the same frames in the same batches:
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
        foreach (var table in Tables)
        {
            var expected = Dump(referenceStore, table);
            var actual = Dump(fastStore, table);
            var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
            Assert.True(first < 0 && expected.Count == actual.Count,
                $"{table}: {expected.Count} rows expected, {actual.Count} stored; first difference at row {first}: expected '{(first >= 0 ? expected[first] : "")}', stored '{(first >= 0 ? actual[first] : "")}'");
        }
    }

    /// <summary>A generated stream with a rewound stretch sent again (replays) and two malformed frames.</summary>
    private static List<byte[]> Stream(int seed, int count)
    {
        var events = JetstreamStreamGenerator.Generate(count, seed).Select(e => e.Utf8).ToList();
        var half = count / 2;
        return [.. events[..half], "{\"did\": \"did:plc:x\", \"time_us\": 1, \"kind\": "u8.ToArray(), .. events[(half - 400)..],
            Encoding.UTF8.GetBytes("{\"did\":\"did:plc:y\",\"time_us\":\"soon\",\"kind\":\"commit\"}")];
    }

    private static JetstreamStats Ingest(HotPapersStore store, List<byte[]> frames, int batchFrames, bool reference)
    {
        var ingestor = new JetstreamIngestor(store, new JetstreamOptions(), ArxivIdFinders.Default)
        {
            Writes = reference ? JetstreamBatchWrites.Portable : JetstreamBatchWrites.For,
        };
        var triage = new JetstreamTriage(ingestor.KeptPosts, store.Bluesky.LoadEngagementKeys());
        ingestor.Reloaded = triage.AddKept;
        var totals = new JetstreamStats();
        var batch = new List<JetstreamEvent>();
        foreach (var json in frames)
        {
            if (!reference && !triage.NeedsParse(json, out var timeUs)) batch.Add(new JetstreamEvent(timeUs, null));
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
