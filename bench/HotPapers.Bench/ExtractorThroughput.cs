using System.Diagnostics;
using System.Globalization;
using HotPapers.Arxiv;

namespace HotPapers.Bench;

/// <summary>
/// <c>extractor [--urls N] [--rounds R]</c>: URLs per second through <see cref="ArxivIdExtractor.TryExtract"/> (the
/// link with its canonical id, as the sources need it) over <see cref="ExtractorCorpus"/>, on one thread, best of R
/// rounds after a warm-up, plus bytes allocated per URL. Fails (exit 1) when the extractor finds a different number
/// of papers than the corpus holds, so a fast but wrong extractor cannot post a figure.
/// </summary>
internal static class ExtractorThroughput
{
    public static int Run(string[] args)
    {
        var count = Arg(args, "--urls", 1_000_000);
        var rounds = Arg(args, "--rounds", 5);
        var urls = ExtractorCorpus.Build(count, out var papers);
        for (var w = 0; w < 3; w++) Once(urls); // warm-up: tiered JIT reaches the optimised code
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: {count / watch.Elapsed.TotalSeconds:N0} URLs/s"));
        }
        var chars = urls.Sum(u => (long)u.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            machine:    {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}
            corpus:     {count:N0} URLs ({chars / (double)count:N1} chars on average), {papers:N0} arXiv paper links
            found:      {found:N0} with an id
            throughput: best of {rounds}: {count / best:N0} URLs/s ({best * 1e9 / count:N1} ns/URL), one thread
            allocated:  {allocated / (double)count:N1} bytes per URL (the canonical id strings)
            """));
        if (found != papers)
        {
            Console.Error.WriteLine($"the extractor found {found} papers where the corpus has {papers}");
            return 1;
        }
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
