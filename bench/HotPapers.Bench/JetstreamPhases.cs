using System.Diagnostics;
using System.Globalization;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing.Jetstream;

namespace HotPapers.Bench;

/// <summary>
/// Where the listener's time goes, without the websocket: the generated frames are triaged, parsed and applied in
/// this process: reading (triage, then building or parsing what matters, and reading the posts that may link arXiv) and applying, each timed on its own, with the
/// listener's batching.
/// </summary>
internal static class JetstreamPhases
{
    public static int Run(string[] args)
    {
        int Arg(string name, int fallback) { var i = Array.IndexOf(args, name); return i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback; }
        var events = Arg("--events", 200_000);
        var cache = Arg("--cache", JetstreamOptions.StorePageCacheMiB);
        var checkpoint = Arg("--checkpoint", 0);
        var batchSize = Arg("--batch-size", 2000);
        var frames = JetstreamStreamGenerator.Generate(events).Select(e => e.Utf8).ToList();
        var dir = Directory.CreateTempSubdirectory("hotpapers-phases-");
        try
        {
            for (var round = 0; round < 3; round++)
            {
                using var store = HotPapersStore.Open(Path.Combine(dir.FullName, $"r{round}.db"), cache);
                if (checkpoint > 0) store.Sql.Run($"PRAGMA wal_autocheckpoint = {checkpoint}");
                var options = new JetstreamOptions { BatchSize = batchSize };
                var ingestor = new JetstreamIngestor(store, options, ArxivIdFinders.Default);
                var triage = new JetstreamTriage(ingestor.KeptPosts, store.Bluesky.EngagementKeys());
                var reader = new BlueskyPostReader(ArxivIdFinders.Default);
                var readTime = TimeSpan.Zero;
                var applyTime = TimeSpan.Zero;
                var batch = new List<JetstreamEvent>();
                var parsedInBatch = 0;
                var parsed = 0;
                var watch = new Stopwatch();
                long readBytes = 0, applyBytes = 0;
                foreach (var frame in frames)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    watch.Restart();
                    var ok = triage.TryRead(frame, out var item, out _);
                    if (ok && item.Frame is { } parsedFrame) JetstreamIngestor.ReadAhead(parsedFrame, reader);
                    readTime += watch.Elapsed;
                    readBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    if (!ok) continue;
                    batch.Add(item);
                    if (item.Frame is not null)
                    {
                        parsedInBatch++;
                        parsed++;
                    }
                    if (parsedInBatch >= options.BatchSize || batch.Count >= options.BatchSize * JetstreamListener.MaxSkippedPerParsed)
                    {
                        var before = GC.GetAllocatedBytesForCurrentThread();
                        watch.Restart();
                        ingestor.Apply(batch, final: false);
                        applyTime += watch.Elapsed;
                        applyBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                        batch.Clear();
                        parsedInBatch = 0;
                    }
                }
                watch.Restart();
                ingestor.Apply(batch, final: true);
                applyTime += watch.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: {frames.Count:N0} frames, {parsed:N0} acted on; read (triage, then build or parse) {readTime.TotalMilliseconds:N0} ms ({readBytes / 1048576.0:N1} MiB allocated), apply {applyTime.TotalMilliseconds:N0} ms ({applyBytes / 1048576.0:N1} MiB, the last batch aside); counts {string.Join(", ", store.RowCounts().Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"))}"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
        return 0;
    }
}
