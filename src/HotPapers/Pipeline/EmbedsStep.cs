using System.Globalization;
using HotPapers.Ranking;
using HotPapers.Social.X;

namespace HotPapers.Pipeline;

/// <summary>
/// The embed HTML of every X post the post will show, from oEmbed, cached per post: one request per shown post
/// that has none yet, never one per post read. A post oEmbed cannot give (deleted, refused by the allow-list,
/// failed) is rendered by the local snapshot renderer when the post is written, so this step never fails the run.
/// </summary>
public sealed class EmbedsStep(HttpClient http, XOptions options, ClassicOptions classic) : IDailyStep
{
    public string Name => "embeds";

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var candidates = context.Store.LoadCandidates(context.Window, context.Zone);
        var ranked = ClassicRanking.Rank(candidates, DateTime.MinValue, classic, p => p.StoredHtml ?? p.Post.PostId);
        var service = new XEmbedService(context.Store, new XOEmbedClient(http, options));
        int cached = 0, fetched = 0, snapshots = 0;
        foreach (var shown in ranked.Papers.SelectMany(p => p.Posts).Where(p => p.Candidate.Post.Platform == Domain.SocialPost.X))
        {
            if (shown.Candidate.StoredHtml is not null)
            {
                cached++;
                continue;
            }
            var choice = await service.GetAsync(shown.Candidate.Post, cancellationToken).ConfigureAwait(false);
            if (choice.Origin == EmbedOrigin.OEmbed) fetched++;
            else
            {
                snapshots++;
                context.Log($"embeds: {shown.Candidate.Post.PostId}: {choice.Detail}; the local snapshot will be shown");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{fetched} fetched, {cached} cached, {snapshots} shown as snapshots");
    }
}
