using System.Net;
using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>A post of a platform no registration presents: its text, escaped, in a neutral blockquote.</summary>
public sealed class UnknownPlatformPresenter(string platform) : IPostPresenter
{
    public string Platform => platform;

    public string DisplayName => platform;

    public EngagementLabels Labels { get; } = new("reposts", "likes");

    public string? Permalink(SocialPost post) => null;

    public string? WidgetClass => null;

    public string? EntityLink(PostEntity entity) => null;

    /// <summary>Nothing of this platform is cached: its posts are always rendered here.</summary>
    public bool AllowsCachedEmbed(string html) => false;

    public string RenderEmbed(SocialPost post, PresentContext context) =>
        "<blockquote class=\"post-embed\"><p>" + EmbedText.OneLine(WebUtility.HtmlEncode(post.Text)) + "</p>&mdash; "
        + WebUtility.HtmlEncode(post.AuthorName.Length > 0 ? post.AuthorName : post.AuthorHandle) + "</blockquote>";
}
