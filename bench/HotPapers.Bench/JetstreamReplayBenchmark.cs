using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing.Jetstream;

namespace HotPapers.Bench;

/// <summary>
/// End to end: a generated Jetstream stream served by a local websocket server on 127.0.0.1 into the real listener
/// and a fresh SQLite file. Reports events/s from the first connection to the last commit, and peak memory.
/// <para>
/// By default the server runs in a second process (<c>jetstream-serve</c>, started here), so the peak reported for
/// the listener is the listener's own and the harness (the whole generated stream held in memory) is reported on
/// its own line. Both still share the machine's two cores, as a listener would share them with other work.
/// <c>--in-process</c> keeps the server in this process, as the first version of this benchmark did.
/// </para>
/// </summary>
internal static class JetstreamReplayBenchmark
{
    private const string ReadyLine = "ready";

    public static async Task<int> RunAsync(string[] args)
    {
        var events = Arg(args, "--events", 200_000);
        var seed = Arg(args, "--seed", 1);
        var batchSize = Arg(args, "--batch-size", new JetstreamOptions().BatchSize);
        var channelCapacity = Arg(args, "--channel-capacity", new JetstreamOptions().ChannelCapacity);
        var inProcess = args.Contains("--in-process");
        var heapLimitMb = Arg(args, "--heap-hard-limit-mb", 0);
        if (heapLimitMb > 0)
        {
            // The runtime way to cap the GC heap after start-up (what DOTNET_GCHeapHardLimit does before it).
            AppContext.SetData("GCHeapHardLimit", (ulong)heapLimitMb * 1024 * 1024);
            GC.RefreshMemoryLimit();
        }

        Console.WriteLine($"generating {events.ToString("N0", CultureInfo.InvariantCulture)} events (seed {seed}), server {(inProcess ? "in this process" : "in a second process")}...");
        await using var harness = inProcess ? await InProcessHarness.StartAsync(events, seed) : await ChildHarness.StartAsync(events, seed);
        using (var before = Process.GetCurrentProcess())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"harness ready: this process {Mib(before.WorkingSet64)} MiB (peak so far {Mib(before.PeakWorkingSet64)} MiB)"));

        var dir = Directory.CreateTempSubdirectory("hotpapers-bench-");
        try
        {
            var warmup = Arg(args, "--warmup", 0);
            if (warmup > 0)
            {
                // A listener runs for days: JIT compilation is paid once at start-up. An untimed run over the first
                // frames, into a throwaway store, measures the steady state (the ceiling, run after the listener,
                // is already warm: it uses the same websocket code). The tiered JIT compiles the hot methods again,
                // optimised, on a background thread that gets little of a busy machine: without the wait below, a
                // 200,000-event warm-up still left ~1,200 compilations (~0.6 s of the JIT) to the timed run.
                using var scratch = HotPapersStore.Open(Path.Combine(dir.FullName, "warmup.db"), JetstreamOptions.StorePageCacheMiB);
                await new JetstreamListener(scratch, new JetstreamOptions { Url = harness.Url, BatchSize = batchSize, ChannelCapacity = channelCapacity, MaxEvents = warmup }, TimeProvider.System)
                    .RunAsync(CancellationToken.None);
                var (settled, compiled) = await JitIdleAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up:      {warmup:N0} events into a throwaway store, untimed; then {settled.TotalSeconds:N1} s until the JIT was idle ({compiled:N0} more methods compiled)"));
            }
            var storeFile = Path.Combine(dir.FullName, "bench.db");
            var stored = Arg(args, "--stored-engagements", 0);
            var storedPosts = Arg(args, "--stored-posts", 0);
            if (stored > 0 || storedPosts > 0)
            {
                var filled = Stopwatch.StartNew();
                StoreEarlierListening(storeFile, stored, storedPosts);
                using var self = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store:        {storedPosts:N0} kept posts and {stored:N0} engagements counted before this run, written in {filled.Elapsed.TotalSeconds:N1} s (this process {Mib(self.WorkingSet64)} MiB, peak so far {Mib(self.PeakWorkingSet64)} MiB)"));
            }
            using var store = HotPapersStore.Open(storeFile, JetstreamOptions.StorePageCacheMiB);
            var options = new JetstreamOptions { Url = harness.Url, BatchSize = batchSize, ChannelCapacity = channelCapacity, UntilCursor = harness.LastTimeUs };
            var listener = new JetstreamListener(store, options, TimeProvider.System);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            using var sampler = new ManagedPeakSampler();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var cpuBefore = ProcessorTime();
            var serverCpuBefore = harness.ProcessorTime();
            var (jitMethodsBefore, jitTimeBefore) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var clock = Stopwatch.StartNew();
            var stats = await listener.RunAsync(timeout.Token);
            clock.Stop();
            var cpu = ProcessorTime() - cpuBefore;
            var serverCpu = harness.ProcessorTime() - serverCpuBefore;
            var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore, System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore);
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

            var rate = stats.Events / clock.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var harnessPeak = harness.PeakWorkingSet();
            var gc = GC.GetGCMemoryInfo();
            var counts = store.RowCounts();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                machine:      {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}
                jit:          {jitMethods:N0} methods compiled during the run, {jitTime.TotalSeconds:N2} s of the JIT's time
                gc:           {(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}; {GcSettingsInEffect()}
                events:       {stats.Events:N0} ({harness.Bytes / 1024.0 / 1024.0:N1} MiB of JSON) in {stats.Batches:N0} batches of up to {batchSize}, channel capacity {channelCapacity:N0}
                elapsed:      {clock.Elapsed.TotalSeconds:N2} s
                throughput:   {rate:N0} events/s; {cpu.TotalSeconds:N2} s of CPU in this process ({stats.Events / cpu.TotalSeconds:N0} events per CPU second)
                peak memory:  {(inProcess ? "listener + harness" : "listener")} process {Mib(process.PeakWorkingSet64)} MiB (Process.PeakWorkingSet64); managed heap peak {Mib(sampler.Peak)} MiB (sampled), {Mib(gc.HeapSizeBytes)} MiB after the last GC; {Mib(allocated)} MiB allocated in all, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 GCs
                harness:      {(inProcess ? "(in the same process)" : $"server process peak {Mib(harnessPeak)} MiB, {serverCpu.TotalSeconds:N2} s of CPU while it served the listener")}
                sides:        {listener.Timeline}
                kept posts:   {stats.PostsKept:N0}; likes {stats.Likes:N0}, reposts {stats.Reposts:N0}, quotes {stats.Quotes:N0} (net)
                store rows:   {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}
                """));
            if (args.Contains("--ceiling"))
            {
                // Same run, same server, same frames: read and discarded, nothing else.
                var ceilingCpuBefore = ProcessorTime();
                var ceilingServerCpuBefore = harness.ProcessorTime();
                var (raw, frames) = await JetstreamDiscardCeiling.MeasureAsync(harness.Url, stats.Events, timeout.Token);
                var ceilingCpu = ProcessorTime() - ceilingCpuBefore;
                var ceilingServerCpu = harness.ProcessorTime() - ceilingServerCpuBefore;
                var ceiling = frames / raw.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ceiling:      {frames:N0} frames read and discarded in {raw.TotalSeconds:N2} s: {ceiling:N0} events/s; listener/ceiling = {rate / ceiling:0.00}"));
                // CPU seconds of this process are less at the mercy of the other work on a shared machine than wall time.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ceiling cpu:  {ceilingCpu.TotalSeconds:N2} s of CPU in this process; listener/ceiling per CPU second = {ceilingCpu / cpu:0.00}"));
                if (!inProcess) Console.WriteLine(CoreBound(cpu + serverCpu, ceilingCpu + ceilingServerCpu, raw));
                if (frames != stats.Events) return 1;
            }
            return stats.Events == events ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <c>jetstream-serve --events N --seed S</c>: the server half, run as a child process. Prints
    /// <c>ready URL LAST_TIME_US BYTES</c> once listening and serves until its standard input is closed.
    /// </summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var (lines, last, bytes) = Generate(Arg(args, "--events", 200_000), Arg(args, "--seed", 1));
        await using var server = new JetstreamReplayServer(lines);
        lines = null;
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ReadyLine} {server.Url} {last} {bytes}"));
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is not null)
        {
            // Wait for the parent to close our standard input.
        }
        return 0;
    }

    /// <summary>Only the UTF-8 frames are kept, so the harness holds little beyond the stream itself.</summary>
    private static (List<byte[]> Lines, long LastTimeUs, long Bytes) Generate(int events, int seed)
    {
        var generator = new JetstreamStreamGenerator(seed);
        var lines = new List<byte[]>(events);
        var last = 0L;
        for (var i = 0; i < events; i++)
        {
            var e = generator.Next();
            lines.Add(e.Utf8);
            last = e.TimeUs;
        }
        return (lines, last, lines.Sum(l => (long)l.Length));
    }

    private interface IHarness : IAsyncDisposable
    {
        Uri Url { get; }
        long LastTimeUs { get; }
        long Bytes { get; }
        long PeakWorkingSet();

        /// <summary>The server process's CPU time so far (zero when the server runs in this process: it is counted there).</summary>
        TimeSpan ProcessorTime();
    }

    private sealed class InProcessHarness(JetstreamReplayServer server, long last, long bytes) : IHarness
    {
        public Uri Url => server.Url;
        public long LastTimeUs => last;
        public long Bytes => bytes;
        public long PeakWorkingSet() => 0;
        public TimeSpan ProcessorTime() => TimeSpan.Zero;

        public static Task<IHarness> StartAsync(int events, int seed)
        {
            var (lines, lastTimeUs, total) = Generate(events, seed);
            var server = new JetstreamReplayServer(lines);
            GC.Collect();
            return Task.FromResult<IHarness>(new InProcessHarness(server, lastTimeUs, total));
        }

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }

    private sealed class ChildHarness(Process child, Uri url, long last, long bytes) : IHarness
    {
        public Uri Url => url;
        public long LastTimeUs => last;
        public long Bytes => bytes;

        public long PeakWorkingSet()
        {
            child.Refresh();
            return child.PeakWorkingSet64;
        }

        public TimeSpan ProcessorTime()
        {
            child.Refresh();
            return child.TotalProcessorTime;
        }

        public static async Task<IHarness> StartAsync(int events, int seed)
        {
            // Run the same program again: through its apphost, or through dotnet when started as "dotnet HotPapers.Bench.dll".
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
            var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            // GC settings given for the listener (DOTNET_GCgen0size, DOTNET_GCHeapHardLimit, ...) are not the harness's.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase)).ToList())
                start.Environment.Remove(name);
            if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(JetstreamReplayBenchmark).Assembly.Location);
            foreach (var a in new[] { "jetstream-serve", "--events", events.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(a);
            var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the server process");
            var line = await child.StandardOutput.ReadLineAsync();
            var parts = line?.Split(' ');
            if (parts is not [ReadyLine, var u, var l, var b])
            {
                child.Kill();
                throw new InvalidOperationException($"the server process did not start: '{line}'");
            }
            return new ChildHarness(child, new Uri(u), long.Parse(l, CultureInfo.InvariantCulture), long.Parse(b, CultureInfo.InvariantCulture));
        }

        public async ValueTask DisposeAsync()
        {
            child.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await child.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { child.Kill(); }
            child.Dispose();
        }
    }

    /// <summary>
    /// A store as a listener leaves it after months: <paramref name="posts"/> kept posts and <paramref name="count"/>
    /// likes and reposts counted, which a listener reads back at start (it counts the posts' likes, and recognises the
    /// engagements' deletes). Written by bare prepared inserts with a small page cache, so that filling it adds little
    /// to this process's peak.
    /// </summary>
    private static void StoreEarlierListening(string file, int count, int posts)
    {
        using (HotPapersStore.Open(file, JetstreamOptions.StorePageCacheMiB)) { } // the schema, migrated
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bluesky_engagements (actor_did, collection, rkey, subject) VALUES ($did, $collection, $rkey, $subject)";
        var did = insert.Parameters.Add("$did", Microsoft.Data.Sqlite.SqliteType.Text);
        var collection = insert.Parameters.Add("$collection", Microsoft.Data.Sqlite.SqliteType.Text);
        var rkey = insert.Parameters.Add("$rkey", Microsoft.Data.Sqlite.SqliteType.Text);
        var subject = insert.Parameters.Add("$subject", Microsoft.Data.Sqlite.SqliteType.Text);
        insert.Prepare();
        using var keep = connection.CreateCommand();
        keep.CommandText = "INSERT INTO bluesky_posts (post_id, did, cid, has_embed, indexed_at, likes, reposts, quotes, replies, snapshot_due, deleted) VALUES ($id, $did, NULL, 0, '2024-01-01T00:00:00Z', 3, 1, 0, NULL, 0, 0)";
        var keptId = keep.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var keptDid = keep.Parameters.Add("$did", Microsoft.Data.Sqlite.SqliteType.Text);
        keep.Prepare();
        var start = JetstreamStreamGenerator.DefaultStartUs - 200L * 86_400_000_000;
        for (var i = 0; i < posts; i++)
        {
            keptDid.Value = string.Create(CultureInfo.InvariantCulture, $"did:plc:{i % 100_000:d24}");
            keptId.Value = string.Create(CultureInfo.InvariantCulture, $"at://{keptDid.Value}/app.bsky.feed.post/{JetstreamStreamGenerator.Tid(start + i * 1_000_000L)}");
            keep.ExecuteNonQuery();
        }
        for (var i = 0; i < count; i++)
        {
            did.Value = string.Create(CultureInfo.InvariantCulture, $"did:plc:{i % 400_000:d24}");
            collection.Value = i % 3 == 0 ? BlueskyPlatform.RepostCollection : BlueskyPlatform.LikeCollection;
            rkey.Value = JetstreamStreamGenerator.Tid(start + i * 10_000L);
            subject.Value = string.Create(CultureInfo.InvariantCulture, $"at://did:plc:{i % 20_000:d24}/app.bsky.feed.post/{JetstreamStreamGenerator.Tid(start + i / 50 * 500_000L)}");
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Waits until the JIT has compiled nothing for half a second (at most 30 s); how long that took, and how many methods it compiled meanwhile.</summary>
    private static async Task<(TimeSpan Waited, long Compiled)> JitIdleAsync()
    {
        var clock = Stopwatch.StartNew();
        var start = System.Runtime.JitInfo.GetCompiledMethodCount();
        var last = start;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == last) break;
            last = now;
        }
        return (clock.Elapsed, last - start);
    }

    /// <summary>
    /// What the cores allow, whatever the overlap: both runs share the machine's cores with the server process, so the
    /// listener's run cannot take less wall time than its CPU seconds and the server's spread over every core.
    /// </summary>
    private static string CoreBound(TimeSpan listenerRunCpu, TimeSpan ceilingRunCpu, TimeSpan ceilingElapsed)
    {
        var cores = Environment.ProcessorCount;
        var fastest = listenerRunCpu / cores;
        return string.Create(CultureInfo.InvariantCulture,
            $"cores:        listener run {listenerRunCpu.TotalSeconds:N2} CPU s with the server's, ceiling run {ceilingRunCpu.TotalSeconds:N2}; on {cores} cores the listener's run takes at least {fastest.TotalSeconds:N2} s, so listener/ceiling ≤ {ceilingElapsed / fastest:0.00} however well its sides overlap");
    }

    private static string GcSettingsInEffect()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}").ToList();
        if (AppContext.GetData("GCHeapHardLimit") is { } limit) set.Add($"GCHeapHardLimit={limit}");
        return set.Count == 0 ? "runtime defaults" : string.Join(", ", set);
    }

    /// <summary>
    /// The managed heap's high-water mark, including gen0 allocations not yet collected (which is where a large
    /// gen0 budget shows), sampled every 10 ms on a background thread.
    /// </summary>
    private sealed class ManagedPeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public ManagedPeakSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                    _stop.Token.WaitHandle.WaitOne(10);
                }
            }) { IsBackground = true, Name = "managed peak sampler" };
            _thread.Start();
        }

        public long Peak => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
        }
    }

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
