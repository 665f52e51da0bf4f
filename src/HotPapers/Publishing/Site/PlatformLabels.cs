using HotPapers.Domain;
using HotPapers.Social;

namespace HotPapers.Publishing.Site;

/// <summary>
/// What the site calls each platform and its two counts, and where a post lives on the web: each platform's
/// presenter says (<see cref="IPostPresenter"/>, through <see cref="PlatformRegistry"/>), so the site shows every
/// platform as itself: X retweets and likes, Bluesky reposts and likes, Hacker News points.
/// </summary>
public static class PlatformLabels
{
    private static IPostPresenter Presenter(string platform) => PlatformRegistry.Default.Presenter(platform);

    public static string Name(string platform) => Presenter(platform).DisplayName;

    /// <summary>The label of the stored repost count, or null when the platform has no such count.</summary>
    public static string? RepostsLabel(string platform) => Presenter(platform).Labels.Reposts;

    /// <summary>The label of the stored like count.</summary>
    public static string LikesLabel(string platform) => Presenter(platform).Labels.Likes;

    /// <summary>"12 retweets, 40 likes" or "40 points": the counts with the platform's own words.</summary>
    public static string Counts(string platform, int reposts, int likes)
    {
        var likesText = Layout.Number(likes) + " " + LikesLabel(platform);
        return RepostsLabel(platform) is { } repostsLabel ? Layout.Number(reposts) + " " + repostsLabel + ", " + likesText : likesText;
    }

    /// <summary>The post's own page, or null when the stored id does not have the platform's shape.</summary>
    public static string? Permalink(SocialPost post) => Presenter(post.Platform).Permalink(post);

    /// <summary>Where a hashtag, cashtag or mention leads on the post's platform, or null (then it is text).</summary>
    public static string? EntityLink(string platform, PostEntity entity) => Presenter(platform).EntityLink(entity);

    /// <summary>The class the platform's widget script upgrades, or null.</summary>
    public static string? WidgetClass(string platform) => Presenter(platform).WidgetClass;
}
