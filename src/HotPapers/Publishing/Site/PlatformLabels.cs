using HotPapers.Domain;

namespace HotPapers.Publishing.Site;

/// <summary>
/// What the site calls each platform and its two counts, and where a post lives on the web. Kept in this one
/// file on purpose: when the social layer grows a presenter contract with the same facts, this is the one
/// place to swap. X counts retweets and likes ("favorites" on the classic post line), Bluesky reposts and likes,
/// and Hacker News points (stored as the like count; its repost count is always 0).
/// </summary>
public static class PlatformLabels
{
    public const string Bluesky = "bluesky";
    public const string HackerNews = "hackernews";

    public static string Name(string platform) => platform switch
    {
        SocialPost.X => "X",
        Bluesky => "Bluesky",
        HackerNews => "Hacker News",
        "mastodon" => "Mastodon",
        _ => platform,
    };

    /// <summary>The label of the stored repost count, or null when the platform has no such count.</summary>
    public static string? RepostsLabel(string platform) => platform switch
    {
        SocialPost.X => "retweets",
        HackerNews => null,
        _ => "reposts",
    };

    /// <summary>The label of the stored like count.</summary>
    public static string LikesLabel(string platform) => platform == HackerNews ? "points" : "likes";

    /// <summary>"12 retweets, 40 likes" or "40 points": the counts with the platform's own words.</summary>
    public static string Counts(string platform, int reposts, int likes)
    {
        var likesText = Layout.Number(likes) + " " + LikesLabel(platform);
        return RepostsLabel(platform) is { } repostsLabel ? Layout.Number(reposts) + " " + repostsLabel + ", " + likesText : likesText;
    }

    /// <summary>
    /// The post's own page: X by handle and id, Bluesky from the at:// URI (by DID, since handles change),
    /// Hacker News by item id. Null when the stored id does not have the platform's shape.
    /// </summary>
    public static string? Permalink(SocialPost post)
    {
        switch (post.Platform)
        {
            case SocialPost.X:
                return $"https://twitter.com/{Uri.EscapeDataString(post.AuthorHandle)}/status/{Uri.EscapeDataString(post.PostId)}";
            case Bluesky:
                // at://<did>/app.bsky.feed.post/<rkey>
                if (!post.PostId.StartsWith("at://", StringComparison.Ordinal)) return null;
                var parts = post.PostId["at://".Length..].Split('/');
                if (parts.Length != 3 || parts.Any(p => p.Length == 0) || parts[1] != "app.bsky.feed.post") return null;
                return $"https://bsky.app/profile/{Uri.EscapeDataString(parts[0])}/post/{Uri.EscapeDataString(parts[2])}";
            case HackerNews:
                return post.PostId.Length is > 0 and <= 20 && post.PostId.All(char.IsAsciiDigit)
                    ? "https://news.ycombinator.com/item?id=" + post.PostId
                    : null;
            default:
                return null;
        }
    }
}
