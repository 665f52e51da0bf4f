using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>Bluesky posts in Bluesky's own embed form (<see cref="BlueskyOEmbedHtml"/>), linked by DID on bsky.app.</summary>
public sealed class BlueskyPresenter : IPostPresenter
{
    public string Platform => BlueskyPlatform.Name;

    public string DisplayName => "Bluesky";

    public EngagementLabels Labels { get; } = new("reposts", "likes");

    /// <summary>The post's page by DID (handles change); null when the id is not a post's at:// URI.</summary>
    public string? Permalink(SocialPost post) =>
        AtUri.TryParse(post.PostId, out var uri) && uri.Collection == BlueskyPlatform.PostCollection
            ? $"https://bsky.app/profile/{Uri.EscapeDataString(uri.Did)}/post/{Uri.EscapeDataString(uri.Rkey)}"
            : null;

    /// <summary>None: embed.js needs the record's cid and URI attributes, which the site's snapshot does not carry.</summary>
    public string? WidgetClass => null;

    /// <summary>Mentions lead to the account (facets give its DID), hashtags to Bluesky's tag search.</summary>
    public string? EntityLink(PostEntity entity) => entity.Kind switch
    {
        EntityKind.Mention => "https://bsky.app/profile/" + Uri.EscapeDataString(entity.Value),
        EntityKind.Hashtag => "https://bsky.app/hashtag/" + Uri.EscapeDataString(entity.Value),
        _ => null,
    };

    /// <summary>The oEmbed form from stored fields: cid and embed flag kept by the collectors, the earlier of created and indexed time.</summary>
    public string RenderEmbed(SocialPost post, PresentContext context)
    {
        var state = context.Store.Bluesky.Load(post.PostId);
        var shownAt = state?.IndexedAt is { } indexed && indexed < post.CreatedAt ? indexed : post.CreatedAt;
        return BlueskyOEmbedHtml.Render(post, state?.Cid, state?.HasEmbed ?? false, shownAt);
    }

    /// <summary>Bluesky's embed grammar, on one line (what the fetcher caches; older cached snippets are rendered anew).</summary>
    public bool AllowsCachedEmbed(string html) => !html.Contains('\n') && BlueskyOEmbedPolicy.IsAllowed(html, out _);
}
