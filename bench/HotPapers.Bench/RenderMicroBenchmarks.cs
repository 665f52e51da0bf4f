using BenchmarkDotNet.Attributes;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Social;

namespace HotPapers.Bench;

/// <summary>
/// The snapshot renderer over all 126 embeds of the five published posts, and the Gatsby post writer over the
/// largest of them (2021-05-11, 27 papers). Both read the posts from samples/posts, found from the working directory.
/// </summary>
[MemoryDiagnoser]
public class RenderMicroBenchmarks
{
    private SocialPost[] _posts = [];
    private RankedDigest _digest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = SamplePosts.Folder();
        var imported = Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal)
            .Select(f => HotPapersPostParser.Parse(f, File.ReadAllText(f))).ToList();
        _posts = imported.SelectMany(p => p.Papers).SelectMany(p => p.Embeds).Select(e => e.Post).ToArray();
        var largest = imported.MaxBy(p => p.Papers.Count)!;
        var candidates = largest.Papers.Select(p => new CandidatePaper(p.Paper, p.Reposts, p.Likes, p.MeasuredAt,
            p.Embeds.Select((e, i) => new CandidatePost(e.Post, null, i + 1, e.Html)).ToList())).ToList();
        _digest = ClassicRanking.Rank(new DigestCandidates(largest.Window, largest.GeneratedAt, candidates), largest.GeneratedAt,
            new ClassicOptions(), p => p.StoredHtml!);
    }

    /// <summary>All 126 seed embeds once: divide 126 by the mean to get embeds/s.</summary>
    [Benchmark(OperationsPerInvoke = 126)]
    public int SnapshotRender126Embeds()
    {
        var total = 0;
        foreach (var post in _posts) total += TweetEmbedRenderer.Render(post).Length;
        return total;
    }

    [Benchmark]
    public string WriteGatsbyPost() => GatsbyPostWriter.Write(_digest);

    [Benchmark]
    public string WriteJson() => DigestJsonWriter.Write(_digest);
}

/// <summary>Finds samples/posts by walking up from the working directory (benchmarks run from the repository root or below).</summary>
internal static class SamplePosts
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "posts");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("samples/posts not found above the working directory: run from the repository");
    }
}
