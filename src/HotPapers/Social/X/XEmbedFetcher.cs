using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Social.X;

/// <summary>
/// oEmbed HTML for the X posts the post will show, cached per post: one request per shown post that has none yet,
/// never one per post read. A post oEmbed cannot give (deleted, refused by the allow-list, failed) is rendered by
/// the local snapshot renderer when the post is written.
/// </summary>
public sealed class XEmbedFetcher(XOEmbedClient client) : IEmbedFetcher
{
    public async Task<string> PrepareAsync(IReadOnlyList<SocialPost> shown, PresentContext context, bool fetch, Action<string> log, CancellationToken cancellationToken)
    {
        if (!fetch) return $"{shown.Count} shown as local renderings";
        var service = new XEmbedService(context.Store, client);
        int cached = 0, fetched = 0, snapshots = 0;
        foreach (var post in shown)
        {
            var choice = await service.GetAsync(post, cancellationToken).ConfigureAwait(false);
            switch (choice.Origin)
            {
                case EmbedOrigin.Cache: cached++; break;
                case EmbedOrigin.OEmbed: fetched++; break;
                default:
                    snapshots++;
                    log($"{post.PostId}: {choice.Detail}; the local snapshot will be shown");
                    break;
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{fetched} fetched, {cached} cached, {snapshots} shown as snapshots");
    }
}
