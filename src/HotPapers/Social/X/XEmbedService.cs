using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social.X;

public enum EmbedOrigin
{
    /// <summary>Already in the store's <c>embeds</c> table.</summary>
    Cache,
    /// <summary>Fetched from oEmbed now, allowed, and cached (source 'oembed').</summary>
    OEmbed,
    /// <summary>Rendered locally from the post's fields: oEmbed failed, refused the post, or sent HTML the allow-list rejected.</summary>
    Snapshot,
}

public sealed record EmbedChoice(string Html, EmbedOrigin Origin, OEmbedStatus? FetchStatus, string Detail);

/// <summary>
/// The embed HTML of a post: the cached one, else oEmbed's (checked, then cached per post), else the local snapshot
/// renderer's. Only allowed oEmbed HTML is ever cached, so nothing unchecked can reach a rendered post.
/// </summary>
public sealed class XEmbedService(HotPapersStore store, XOEmbedClient client)
{
    public const string SourceName = "oembed";

    public async Task<EmbedChoice> GetAsync(SocialPost post, CancellationToken ct = default)
    {
        if (store.Posts.LoadEmbedHtml(post.Platform, post.PostId) is { } cached) return new EmbedChoice(cached, EmbedOrigin.Cache, null, "");
        var fetched = await client.FetchAsync(post.AuthorHandle, post.PostId, ct);
        if (fetched is { Status: OEmbedStatus.Ok, Html: { } html })
        {
            store.Write(tx => tx.Posts.UpsertEmbed(post.Platform, post.PostId, html, SourceName));
            return new EmbedChoice(html, EmbedOrigin.OEmbed, fetched.Status, "");
        }
        return new EmbedChoice(TweetEmbedRenderer.Render(post), EmbedOrigin.Snapshot, fetched.Status, fetched.Detail);
    }
}
