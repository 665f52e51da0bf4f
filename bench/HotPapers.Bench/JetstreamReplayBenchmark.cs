using System.Diagnostics;
using System.Globalization;
using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing.Jetstream;

namespace HotPapers.Bench;

/// <summary>
/// End to end: a generated Jetstream stream served by a local websocket server (127.0.0.1, same process, same two
/// cores) into the real listener and a fresh SQLite file. Reports events/s from the first connection to the last
/// commit, and the process's peak working set.
/// </summary>
internal static class JetstreamReplayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Arg(args, "--events", 200_000);
        var seed = Arg(args, "--seed", 1);
        var batchSize = Arg(args, "--batch-size", 2000);

        Console.WriteLine($"generating {events.ToString("N0", CultureInfo.InvariantCulture)} events (seed {seed})...");
        // Only the UTF-8 frames are kept, so the harness adds little beyond the stream itself to the peak.
        var generator = new JetstreamStreamGenerator(seed);
        var lines = new List<byte[]>(events);
        var last = 0L;
        for (var i = 0; i < events; i++)
        {
            var e = generator.Next();
            lines.Add(e.Utf8);
            last = e.TimeUs;
        }
        var bytes = lines.Sum(l => (long)l.Length);

        await using var server = new JetstreamReplayServer(lines);
        lines = null;
        GC.Collect();
        using (var before = Process.GetCurrentProcess())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"harness ready: working set {before.WorkingSet64 / 1024.0 / 1024.0:N0} MiB, peak so far {before.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB"));
        var dir = Directory.CreateTempSubdirectory("hotpapers-bench-");
        try
        {
            using var store = HotPapersStore.Open(Path.Combine(dir.FullName, "bench.db"));
            var options = new JetstreamOptions { Url = server.Url, BatchSize = batchSize, UntilCursor = last };
            var listener = new JetstreamListener(store, options, TimeProvider.System);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            var clock = Stopwatch.StartNew();
            var stats = await listener.RunAsync(timeout.Token);
            clock.Stop();

            var rate = stats.Events / clock.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var counts = store.RowCounts();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                machine:      {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}
                events:       {stats.Events:N0} ({bytes / 1024.0 / 1024.0:N1} MiB of JSON) in {stats.Batches:N0} batches of up to {batchSize}
                elapsed:      {clock.Elapsed.TotalSeconds:N2} s
                throughput:   {rate:N0} events/s
                peak memory:  {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB (Process.PeakWorkingSet64)
                kept posts:   {stats.PostsKept:N0}; likes {stats.Likes:N0}, reposts {stats.Reposts:N0}, quotes {stats.Quotes:N0} (net)
                store rows:   {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}
                """));
            return stats.Events == events ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
