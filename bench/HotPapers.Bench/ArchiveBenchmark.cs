using System.Diagnostics;
using System.Globalization;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Publishing;
using HotPapers.Store;

namespace HotPapers.Bench;

/// <summary>
/// End to end: import a blog archive (the five published posts plus N synthetic days) into a fresh store, then
/// render every day back and check each is byte-identical to its source. Synthetic days are the published posts
/// moved to other dates (front matter, stats times, arXiv ids renumbered so papers do not collide), so they are
/// real-shaped posts with real embeds.
/// Usage: archive [--days 1000] [--db PATH-or-connection-string]
/// </summary>
internal static class ArchiveBenchmark
{
    public static int Run(string[] args)
    {
        var days = Option(args, "--days", 1000);
        var work = Directory.CreateTempSubdirectory("hotpapers-archive-bench");
        var db = OptionText(args, "--db") ?? Path.Combine(work.FullName, "archive.db");
        try
        {
            var posts = Posts(days);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {posts.Count} posts, {posts.Sum(p => p.Text.Length) / 1024 / 1024} MiB of Markdown");
            using var store = HotPapersStore.Open(db);
            var importer = new PostArchiveImporter(store);

            var watch = Stopwatch.StartNew();
            foreach (var (name, text, _) in posts)
            {
                var result = importer.Import(HotPapersPostParser.Parse(name, text));
                if (!result.Succeeded) throw new InvalidOperationException(result.Error);
            }
            var import = watch.Elapsed;

            watch.Restart();
            var renderer = new DigestRenderer(store, TimeProvider.System, TimeZoneInfo.Utc);
            var mismatches = 0;
            foreach (var (name, text, window) in posts)
                if (renderer.RenderText(window, new RenderOptions()) != text) mismatches++;
            var render = watch.Elapsed;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import: {import.TotalSeconds:0.00} s ({posts.Count / import.TotalSeconds:0} posts/s); render: {render.TotalSeconds:0.00} s ({posts.Count / render.TotalSeconds:0} days/s); {mismatches} renders differ from their source; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB"));
            return mismatches == 0 ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<(string Name, string Text, DigestWindow Window)> Posts(int syntheticDays)
    {
        var seeds = Directory.EnumerateFiles(SamplePosts.Folder(), "*.md").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f), Window: DigestWindow.Day(DateOnly.ParseExact(Path.GetFileName(f)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))))
            .ToList();
        var posts = new List<(string, string, DigestWindow)>(seeds);
        var start = new DateOnly(2022, 1, 1);
        for (var i = 0; i < syntheticDays; i++)
        {
            var seed = seeds[i % seeds.Count];
            var day = start.AddDays(i);
            var text = seed.Text.Replace(DigestWindow.Format(seed.Window.Start), DigestWindow.Format(day), StringComparison.Ordinal);
            // New-style ids YYMM.NNNNN: give each synthetic day its own YYMM block so papers stay distinct.
            var yymm = (2201 + i).ToString("0000", CultureInfo.InvariantCulture);
            text = System.Text.RegularExpressions.Regex.Replace(text, @"arxiv\.org/(abs|pdf)/\d{4}\.", m => $"arxiv.org/{m.Groups[1].Value}/{yymm}.");
            posts.Add(($"{DigestWindow.Format(day)}---Hot-Papers.md", text, DigestWindow.Day(day)));
        }
        return posts;
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
