using System.Globalization;
using System.Net;
using HotPapers.Domain;

namespace HotPapers.Social.HackerNews;

/// <summary>
/// A Hacker News story as itself: its title linking the story's URL, its points and comments, and a link to the
/// discussion on news.ycombinator.com. Never dressed as a tweet.
/// </summary>
public sealed class HackerNewsPresenter : IPostPresenter
{
    public string Platform => HackerNewsPlatform.Name;

    public string DisplayName => "Hacker News";

    public EngagementLabels Labels { get; } = new(null, "points");

    /// <summary>The discussion's page; null when the id is not an item number.</summary>
    public string? Permalink(SocialPost post) =>
        post.PostId.Length is > 0 and <= 20 && post.PostId.All(char.IsAsciiDigit) ? ItemUrl(post.PostId) : null;

    public static string ItemUrl(string objectId) => "https://news.ycombinator.com/item?id=" + Uri.EscapeDataString(objectId);

    public string? WidgetClass => null;

    public string? EntityLink(PostEntity entity) => null;

    /// <summary>Nothing of this platform is cached: its posts are always rendered here.</summary>
    public bool AllowsCachedEmbed(string html) => false;

    public string RenderEmbed(SocialPost post, PresentContext context)
    {
        var item = context.Store.HackerNews.Load(post.PostId);
        var title = item?.Title ?? post.Text.Split('\n')[0];
        var url = item?.Url ?? post.Entities.FirstOrDefault(e => e.Kind == EntityKind.Url)?.Value;
        var link = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"
            ? $"<a href=\"{WebUtility.HtmlEncode(target.AbsoluteUri)}\">{WebUtility.HtmlEncode(title)}</a>"
            : WebUtility.HtmlEncode(title);
        var counts = item is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{item.Points} points, {item.Comments} comments &middot; ");
        return "<blockquote class=\"hackernews-story\"><p>" + EmbedText.OneLine(link) + "</p>&mdash; " + counts
            + $"posted by {WebUtility.HtmlEncode(post.AuthorHandle)} on <a href=\"{WebUtility.HtmlEncode(ItemUrl(post.PostId))}\">Hacker News</a>, "
            + post.CreatedAt.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) + "</blockquote>";
    }
}
