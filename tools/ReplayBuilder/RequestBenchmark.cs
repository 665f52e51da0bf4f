using System.Globalization;
using HotPapers.Importing;
using HotPapers.Social;
using HotPapers.Social.X;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// Issue 7 (d): the requests one daily run makes at the fake servers, next to what the original design needed
/// for the same day — one X search per announced paper (<c>arxiv url:&lt;id&gt;</c>) and one oEmbed call per embed
/// shown. arXiv's listing pages count on both sides; the original design then asked the metadata API for every
/// announced paper (batches of 100), the daily job only for the papers someone posted about (issue 14). Each seed
/// day is padded to <c>papers</c> announced papers with quiet ones (nobody posted about them), as a real listing day is.
/// </summary>
public static class RequestBenchmark
{
    private const int OriginalBatchSize = 100;

    /// <summary>Each embed mode (<c>Daily:Embeds</c>) at each query length limit, the default (checked, 512) first.</summary>
    private static readonly (int MaxQuery, EmbedMode Embeds)[] Runs =
        [(512, EmbedMode.Checked), (1024, EmbedMode.Checked), (512, EmbedMode.OEmbed), (1024, EmbedMode.OEmbed), (512, EmbedMode.Snapshot), (1024, EmbedMode.Snapshot)];

    public static async Task<int> RunAsync(string seedsDir, int papers, TextWriter output)
    {
        output.WriteLine($"papers per day: {papers} (the seed's papers + quiet ones); X query length limits 512 (self-serve) and 1024 (Pro)");
        output.WriteLine("| day | max query | embeds | arXiv listing | arXiv API | X search | oEmbed | ours total | original design | ratio |");
        output.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var seedPath in Directory.EnumerateFiles(seedsDir, "*---Hot-Papers.md").Order(StringComparer.Ordinal))
        {
            var seed = HotPapersPostParser.Parse(Path.GetFileName(seedPath), await File.ReadAllTextAsync(seedPath));
            var world = SeedWorld.From(seed);
            world = world.WithQuietPapers(Math.Max(0, papers - world.Papers.Count));
            var shownEmbeds = seed.Papers.Sum(p => p.Embeds.Count);
            foreach (var (maxQuery, embeds) in Runs)
            {
                var x = new XOptions { BearerToken = "benchmark", MaxQueryLength = maxQuery, ReadBudget = 100_000 };
                var (byHost, post) = await RecordingRun.CountRequestsAsync(world, x, embeds);
                if (post != await File.ReadAllTextAsync(seedPath)) throw new InvalidOperationException($"{seed.Window.DateStr}: the padded day no longer gives the seed post");
                int Host(string host) => byHost.TryGetValue(host, out var n) ? n : 0;
                var ours = byHost.Values.Sum();
                // The original design lists the day the same way but asks the API for every announced paper.
                var originalArxiv = Host("arxiv.org") + (world.Papers.Count + OriginalBatchSize - 1) / OriginalBatchSize;
                var original = originalArxiv + world.Papers.Count + shownEmbeds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {seed.Window.DateStr} | {maxQuery} | {embeds.ToString().ToLowerInvariant()} | {Host("arxiv.org")} | {Host("export.arxiv.org")} | {Host("api.twitter.com")} | {Host("publish.twitter.com")} | {ours} | {original} | 1/{(double)original / ours:0.0} |"));
            }
        }
        return 0;
    }
}
