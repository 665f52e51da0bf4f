using HotPapers.Testing.Importing;
using System.Diagnostics;
using System.Globalization;
using HotPapers.Cli;
using Npgsql;

namespace HotPapers.Bench;

/// <summary>
/// End to end: generate N synthetic X API v2 posts as JSONL (twarc's flattened form, each linking a paper, with a
/// mention, a hashtag and counts), then time <c>hotpapers import tweets</c> on it into a fresh store: SQLite in a
/// temporary folder, or with <c>--pg</c> a fresh database on that PostgreSQL server (created and dropped here).
/// Prints posts/s. The timing covers opening (and migrating) the store, reading, parsing and writing.
/// With <c>--ceiling</c> (SQLite), the same rows are then written by a raw prepared-insert loop (<see cref="RawInsertCeiling"/>)
/// and the ratio printed.
/// Usage: import [--posts 1000000] [--refetched] [--ceiling] [--pg "Host=…;Username=…;Database=postgres"] [--batch-size 5000]
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var posts = int.Parse(Option(args, "--posts") ?? "1000000", CultureInfo.InvariantCulture);
        var refetched = args.Contains("--refetched");
        var admin = Option(args, "--pg");
        var batch = Option(args, "--batch-size") ?? "5000";
        var work = Directory.CreateTempSubdirectory("hotpapers-import-bench");
        var pgName = "hotpapers_bench_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var file = Path.Combine(work.FullName, "posts.jsonl");
            var watch = Stopwatch.StartNew();
            SyntheticXV2.Write(file, posts, refetched);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; generated {posts:N0} lines ({new FileInfo(file).Length / 1024 / 1024} MiB) in {watch.Elapsed.TotalSeconds:0.0} s"));

            if (args.Contains("--parse-only"))
            {
                var parseCpu = Process.GetCurrentProcess().TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes();
                watch.Restart();
                var n = new HotPapers.Importing.Tweets.TweetFileReader(file).Read().Count(i => i.Tweet is not null);
                parseCpu = Process.GetCurrentProcess().TotalProcessorTime - parseCpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parse only: {n:N0} posts in {watch.Elapsed.TotalSeconds:0.00} s, {n / watch.Elapsed.TotalSeconds:N0} posts/s; CPU {parseCpu.TotalMilliseconds * 1000 / n:0.0} µs and {(GC.GetTotalAllocatedBytes() - allocated) / n:N0} bytes allocated per post"));
                return 0;
            }

            string db;
            if (admin is null)
            {
                db = Path.Combine(work.FullName, "import.db");
            }
            else
            {
                Execute(admin, $"CREATE DATABASE {pgName}");
                db = new NpgsqlConnectionStringBuilder(admin) { Database = pgName }.ToString();
            }

            var output = new StringWriter();
            var error = new StringWriter();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var allocBefore = GC.GetTotalAllocatedBytes();
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            watch.Restart();
            var code = await HotPapersCli.RunAsync(["--db", db, "import", "tweets", "--batch-size", batch, file], output, error);
            var elapsed = watch.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.Write(output.ToString());
            Console.Error.Write(error.ToString());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import into {(admin is null ? "SQLite" : "PostgreSQL")}: {elapsed.TotalSeconds:0.00} s, {posts / elapsed.TotalSeconds:N0} posts/s; CPU time of this process {cpu.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  garbage collection during the import: {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:0.00} s paused; {GC.CollectionCount(0) - g0} collections ({GC.CollectionCount(1) - g1} of gen1, {GC.CollectionCount(2) - g2} of gen2); {(GC.GetTotalAllocatedBytes() - allocBefore) / posts:N0} bytes allocated per post"));
            if (code == 0 && admin is null && args.Contains("--ceiling"))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                var (raw, rawCpu) = RawInsertCeiling.Measure(db, Path.Combine(work.FullName, "ceiling.db"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ceiling (the same rows, raw prepared inserts, one transaction): {raw.TotalSeconds:0.00} s, {posts / raw.TotalSeconds:N0} posts/s; CPU time {rawCpu.TotalSeconds:0.00} s; import/ceiling = {raw.TotalSeconds / elapsed.TotalSeconds:0.00}"));
            }
            return code;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (admin is not null) Execute(admin, $"DROP DATABASE IF EXISTS {pgName} WITH (FORCE)");
            work.Delete(recursive: true);
        }
    }

    private static void Execute(string admin, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
