using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Arxiv;

namespace HotPapers.Bench;

/// <summary>
/// <c>extractor-vs-regex [--urls N] [--rounds R]</c>: the id extractor against its ceiling-free rival, a compiled .NET
/// <see cref="Regex"/> doing the same job on the same corpus in the same run: find the paper link of each URL (the
/// hosts and paths of <see cref="ExtractorCorpus"/>), check the id (new style: month 01–12, four digits until 1412
/// and five after; old style: archive/YYMMNNN) and build the canonical id string. The regex is anchored on the URL's
/// scheme and host, so its rival is the extractor's URL entry point <see cref="ArxivIdExtractor.TryExtractFromUrl"/>
/// (what the sources use for link fields); the general <see cref="ArxivIdExtractor.TryExtract"/> (which also finds ids
/// in free text) is timed and reported beside them. All three must give the same id for every URL, or the run fails
/// (exit 1): a rival that does less work cannot post a ratio. Best of R rounds each, interleaved, one thread.
/// </summary>
internal static partial class ExtractorVsRegex
{
    [GeneratedRegex(@"^https?://(?:(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/(?:arXiv:)?|ar5iv\.labs\.arxiv\.org/html/|(?:www\.)?alphaxiv\.org/(?:overview|abs)/|huggingface\.co/papers/|(?:www\.)?semanticscholar\.org/arxiv/|doi\.org/10\.48550/arXiv\.)(?:(?<yymm>\d{2}(?:0[1-9]|1[0-2]))\.(?<num>\d{4,5})|(?<arch>[a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?/(?<old>\d{2}(?:0[1-9]|1[0-2])\d{3}))(?:v\d+)?(?:$|[^\d])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Paper();

    private static string? RegexExtract(string url)
    {
        var m = Paper().Match(url);
        if (!m.Success) return null;
        // Old style: the canonical id drops the subject class (math.GT/0309165 is math/0309165).
        if (m.Groups["old"].Success) return string.Concat(m.Groups["arch"].ValueSpan, "/", m.Groups["old"].ValueSpan);
        var yymm = m.Groups["yymm"].ValueSpan;
        var num = m.Groups["num"].ValueSpan;
        var fiveDigits = int.Parse(yymm, NumberStyles.None, CultureInfo.InvariantCulture) >= 1501;
        if (num.Length != (fiveDigits ? 5 : 4)) return null;
        return string.Concat(yymm, ".", num);
    }

    public static int Run(string[] args)
    {
        var count = Arg(args, "--urls", 1_000_000);
        var rounds = Arg(args, "--rounds", 5);
        var urls = ExtractorCorpus.Build(count, out var papers);

        // The same job: the same id for every URL, from the regex, the URL entry point and the general extractor.
        var differ = 0;
        foreach (var url in urls)
        {
            var general = ArxivIdExtractor.TryExtract(url, out var link) ? link.Id.Value : null;
            var fromUrl = ArxivIdExtractor.TryExtractFromUrl(url, out var urlLink) ? urlLink.Id.Value : null;
            var regex = RegexExtract(url);
            if ((general != regex || fromUrl != regex) && differ++ < 5)
                Console.Error.WriteLine($"differ on {url}: extractor {general ?? "-"}, URL entry point {fromUrl ?? "-"}, regex {regex ?? "-"}");
        }
        if (differ > 0)
        {
            Console.Error.WriteLine($"the regex and the extractor disagree on {differ} of {count} URLs: no ratio");
            return 1;
        }

        for (var w = 0; w < 3; w++) { Extractor(urls); FromUrls(urls); Regexes(urls); }
        double bestOurs = double.MaxValue, bestUrl = double.MaxValue, bestRegex = double.MaxValue;
        int foundOurs = 0, foundUrl = 0, foundRegex = 0;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            foundOurs = Extractor(urls);
            bestOurs = Math.Min(bestOurs, watch.Elapsed.TotalSeconds);
            watch.Restart();
            foundUrl = FromUrls(urls);
            bestUrl = Math.Min(bestUrl, watch.Elapsed.TotalSeconds);
            watch.Restart();
            foundRegex = Regexes(urls);
            bestRegex = Math.Min(bestRegex, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            machine:    {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}
            corpus:     {count:N0} URLs, {papers:N0} arXiv paper links; found {foundUrl:N0} / {foundOurs:N0} / {foundRegex:N0}, the same id for every URL
            URL entry:  best of {rounds}: {count / bestUrl:N0} URLs/s (ArxivIdExtractor.TryExtractFromUrl)
            extractor:  best of {rounds}: {count / bestOurs:N0} URLs/s (ArxivIdExtractor.TryExtract, ids in any text)
            regex:      best of {rounds}: {count / bestRegex:N0} URLs/s (compiled, source-generated)
            ratio:      {bestRegex / bestUrl:N2}x the regex (URL entry point, the same job); general extractor {bestRegex / bestOurs:N2}x
            """));

        // On a shared machine a whole round is rarely left alone. So the same three are also timed chunk by chunk,
        // interleaved, and each side keeps the fastest time of every chunk over the rounds: a chunk takes well under a
        // millisecond, so some round runs it unpreempted. The same method for all three; the work is the same.
        var (chunkUrl, chunkOurs, chunkRegex) = ChunkMinima(urls, rounds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            chunked:    fastest of {rounds} per chunk of {Chunk} URLs, summed: URL entry {chunkUrl * 1e9 / count:N1} ns/URL, extractor {chunkOurs * 1e9 / count:N1}, regex {chunkRegex * 1e9 / count:N1}
            ratio:      {chunkRegex / chunkUrl:N2}x the regex (URL entry point, chunked); general extractor {chunkRegex / chunkOurs:N2}x
            """));
        return foundOurs == papers && foundUrl == papers && foundRegex == papers ? 0 : 1;
    }

    private const int Chunk = 1000;

    private static (double Url, double Ours, double Regex) ChunkMinima(string[] urls, int rounds)
    {
        var chunks = (urls.Length + Chunk - 1) / Chunk;
        var best = new double[3, chunks];
        for (var c = 0; c < chunks; c++) best[0, c] = best[1, c] = best[2, c] = double.MaxValue;
        for (var r = 0; r < rounds; r++)
            for (var c = 0; c < chunks; c++)
            {
                var part = urls.AsSpan(c * Chunk, Math.Min(Chunk, urls.Length - c * Chunk));
                best[0, c] = Math.Min(best[0, c], Time(part, FromUrls));
                best[1, c] = Math.Min(best[1, c], Time(part, Extractor));
                best[2, c] = Math.Min(best[2, c], Time(part, Regexes));
            }
        double url = 0, ours = 0, regex = 0;
        for (var c = 0; c < chunks; c++) { url += best[0, c]; ours += best[1, c]; regex += best[2, c]; }
        return (url, ours, regex);
    }

    private delegate int Side(ReadOnlySpan<string> urls);

    private static double Time(ReadOnlySpan<string> part, Side side)
    {
        var start = Stopwatch.GetTimestamp();
        side(part);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static int FromUrls(ReadOnlySpan<string> urls)
    {
        var found = 0;
        foreach (var url in urls)
            if (ArxivIdExtractor.TryExtractFromUrl(url, out var link) && link.Id.Value.Length > 0) found++;
        return found;
    }

    private static int Extractor(ReadOnlySpan<string> urls)
    {
        var found = 0;
        foreach (var url in urls)
            if (ArxivIdExtractor.TryExtract(url, out var link) && link.Id.Value.Length > 0) found++;
        return found;
    }

    private static int Regexes(ReadOnlySpan<string> urls)
    {
        var found = 0;
        foreach (var url in urls)
            if (RegexExtract(url) is not null) found++;
        return found;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
