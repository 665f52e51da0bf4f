using System.Diagnostics;
using System.Globalization;
using HotPapers.Arxiv;

namespace HotPapers.Bench;

/// <summary>
/// <c>extractor [--urls N] [--rounds R]</c>: URLs per second through <see cref="ArxivIdExtractor.TryExtract"/> (the canonical id and version of the first paper a URL names) over a
/// deterministic corpus, best of R rounds after a warm-up, plus bytes allocated per URL.
/// </summary>
internal static class ExtractorThroughput
{
    public static int Run(string[] args)
    {
        var count = Arg(args, "--urls", 1_000_000);
        var rounds = Arg(args, "--rounds", 5);
        var urls = ExtractorCorpus.Build(count);
        Once(urls); // warm-up: tiered JIT
        var best = double.MaxValue;
        var found = 0;
        var allocated = 0L;
        for (var r = 0; r < rounds; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            found = Once(urls);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extractor: {count:N0} URLs, {found:N0} with an id; best of {rounds}: {count / best:N0} URLs/s ({best * 1e9 / count:N1} ns/URL), {allocated / (double)count:N1} bytes allocated per URL"));
        return 0;
    }

    private static int Once(string[] urls)
    {
        var found = 0;
        foreach (var url in urls)
            if (ArxivIdExtractor.TryExtract(url, out _)) found++;
        return found;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
