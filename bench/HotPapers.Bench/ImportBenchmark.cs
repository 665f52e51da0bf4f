using System.Diagnostics;
using System.Globalization;
using HotPapers.Importing.Tweets;
using HotPapers.Store;
using HotPapers.Tests.TestSupport;

namespace HotPapers.Bench;

/// <summary>
/// <c>import [--posts N] [--db D]</c>: writes N synthetic X API v2 posts as JSON Lines (one page of one tweet per line,
/// each linking a paper), then times <see cref="TweetImporter"/> end to end (read, parse, convert, extract the
/// arXiv id, write posts, links and snapshots) into a fresh SQLite file or the given PostgreSQL database.
/// </summary>
public static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        var posts = Option(args, "--posts") is { } p ? long.Parse(p, CultureInfo.InvariantCulture) : 1_000_000;
        var db = Option(args, "--db");
        var dir = Directory.CreateTempSubdirectory("hotpapers-import-bench-").FullName;
        try
        {
            var file = Path.Combine(dir, "posts.jsonl");
            var generate = Stopwatch.StartNew();
            SyntheticXDump.Write(file, 0, posts);
            Console.WriteLine($"generated {posts:N0} posts ({new FileInfo(file).Length / (1 << 20):N0} MiB) in {generate.Elapsed.TotalSeconds:0.0} s");

            if (args.Contains("--parse-only"))
            {
                var parse = Stopwatch.StartNew();
                var read = TweetFileReader.Read(file, TweetFormat.XV2).Count(r => r.Tweet is not null);
                Console.WriteLine($"parsed {read:N0} posts in {parse.Elapsed.TotalSeconds:0.0} s: {read / parse.Elapsed.TotalSeconds:N0} posts/s (no store)");
                return 0;
            }
            var target = db ?? Path.Combine(dir, "bench.db");
            using var store = HotPapersStore.Open(target);
            var importer = new TweetImporter(store) { MeasuredAt = _ => new DateTimeOffset(2021, 6, 11, 9, 0, 0, TimeSpan.Zero) };
            var watch = Stopwatch.StartNew();
            var result = importer.ImportFile(file, TweetFormat.XV2);
            watch.Stop();
            if (result.Problems.Count > 0 || result.Posts != posts) throw new InvalidOperationException($"imported {result.Posts} of {posts}, {result.Problems.Count} problems");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {result.Posts:N0} posts, {result.Links:N0} links, {result.Snapshots:N0} snapshots into {(HotPapersStore.IsPostgres(target) ? "PostgreSQL" : "SQLite")} "
                + $"in {watch.Elapsed.TotalSeconds:0.0} s: {result.Posts / watch.Elapsed.TotalSeconds:N0} posts/s"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
