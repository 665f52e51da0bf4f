using HotPapers.Domain;

namespace HotPapers.Social.X;

/// <summary>X posts as Twitter's own oEmbed blockquote (the form every Hot Papers post has printed).</summary>
public sealed class XPresenter : IPostPresenter
{
    public string Platform => XPlatform.Name;

    public string DisplayName => "X";

    // The classic post's words (its stats line says retweets and favorites).
    public EngagementLabels Labels { get; } = new("retweets", "likes");

    public string? Permalink(SocialPost post) => XOEmbedClient.StatusUrl(Uri.EscapeDataString(post.AuthorHandle), Uri.EscapeDataString(post.PostId));

    public string? WidgetClass => "twitter-tweet";

    public string? EntityLink(PostEntity entity) => entity.Kind switch
    {
        EntityKind.Hashtag => "https://twitter.com/hashtag/" + Uri.EscapeDataString(entity.Value),
        EntityKind.Cashtag => "https://twitter.com/search?q=%24" + Uri.EscapeDataString(entity.Value),
        EntityKind.Mention => "https://twitter.com/" + Uri.EscapeDataString(entity.Value),
        _ => null,
    };

    public string RenderEmbed(SocialPost post, PresentContext context) => TweetEmbedRenderer.Render(post);

    public bool AllowsCachedEmbed(string html) => OEmbedHtmlPolicy.IsAllowed(html, out _);
}
