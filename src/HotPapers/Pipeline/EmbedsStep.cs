using HotPapers.Ranking;
using HotPapers.Social;

namespace HotPapers.Pipeline;

/// <summary>
/// Readies the embeds of the posts the classic post will show, platform by platform (<see cref="IEmbedFetcher"/>):
/// oEmbed HTML fetched once per shown post and cached, never one request per post read. A post a platform cannot
/// give is rendered locally by its presenter when the post is written, so this step never fails the run over an embed.
/// </summary>
public sealed class EmbedsStep(IReadOnlyDictionary<string, IEmbedFetcher> fetchers, ClassicOptions classic, EmbedMode mode) : IDailyStep
{
    public string Name => "embeds";

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var candidates = PaperTotals.OnlyPlatforms(context.Candidates.Current(), classic.Platforms, context.Zone);
        var ranked = ClassicRanking.Rank(candidates, DateTime.MinValue, classic, p => p.StoredHtml ?? p.Post.Platform + "\n" + p.Post.PostId);
        var shown = ranked.Papers.SelectMany(p => p.Posts).Select(p => p.Candidate.Post).ToList();
        var present = new PresentContext(context.Store, context.Zone);
        var summaries = new List<string>();
        foreach (var (platform, fetcher) in fetchers)
        {
            var posts = shown.Where(p => p.Platform == platform).ToList();
            var summary = await fetcher.PrepareAsync(posts, present, mode, line => context.Log($"embeds: {platform}: {line}"), cancellationToken).ConfigureAwait(false);
            summaries.Add(fetchers.Count == 1 ? summary : $"{platform}: {summary}");
        }
        // What the fetchers stored (embed HTML, completed author names) is patched in, so write needs no reload.
        context.Candidates.RefreshPosts(shown.Where(p => fetchers.ContainsKey(p.Platform)).Select(p => (p.Platform, p.PostId)));
        return string.Join("; ", summaries);
    }
}
