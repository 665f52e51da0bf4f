namespace HotPapers.Social.Bluesky;

/// <summary>Names the Bluesky source uses in the store and on the wire.</summary>
public static class BlueskyPlatform
{
    public const string Name = "bluesky";
    public const string PostCollection = "app.bsky.feed.post";
    public const string LikeCollection = "app.bsky.feed.like";
    public const string RepostCollection = "app.bsky.feed.repost";
}
