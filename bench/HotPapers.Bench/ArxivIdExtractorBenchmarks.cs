using BenchmarkDotNet.Attributes;
using HotPapers.Arxiv;
using HotPapers.Social;

namespace HotPapers.Bench;

/// <summary>
/// The extractor over 10,000 URLs of <see cref="ExtractorCorpus"/> per invocation (the reported mean is per URL):
/// finding the match alone (no allocation), making the link with its canonical id, the same through the URL entry point
/// the sources use for link fields, and the finder the sources call.
/// </summary>
[MemoryDiagnoser]
public class ArxivIdExtractorBenchmarks
{
    public const int UrlsPerInvocation = 10_000;
    private readonly string[] _urls = ExtractorCorpus.Build(UrlsPerInvocation);

    [Benchmark(OperationsPerInvoke = UrlsPerInvocation)]
    public int FindMatch()
    {
        var found = 0;
        foreach (var url in _urls)
            if (ArxivIdExtractor.TryFindFirst(url, out _)) found++;
        return found;
    }

    [Benchmark(OperationsPerInvoke = UrlsPerInvocation)]
    public int ExtractLink()
    {
        var found = 0;
        foreach (var url in _urls)
            if (ArxivIdExtractor.TryExtract(url, out var link)) found += link.Id.Value.Length;
        return found;
    }

    [Benchmark(OperationsPerInvoke = UrlsPerInvocation)]
    public int ExtractLinkFromUrl()
    {
        var found = 0;
        foreach (var url in _urls)
            if (ArxivIdExtractor.TryExtractFromUrl(url, out var link)) found += link.Id.Value.Length;
        return found;
    }

    [Benchmark(OperationsPerInvoke = UrlsPerInvocation)]
    public int FinderFind()
    {
        var found = 0;
        foreach (var url in _urls) found += ArxivIdFinders.Default.Find(url).Count;
        return found;
    }
}
