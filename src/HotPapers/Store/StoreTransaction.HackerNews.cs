namespace HotPapers.Store;

/// <summary>Writes for Hacker News stories: the latest points and comment count beside the post.</summary>
public sealed partial class StoreTransaction
{
    public void UpsertHackerNewsItem(string objectId, string url, string title, long points, long comments, DateTimeOffset measuredAt)
    {
        Run("""
            INSERT INTO hackernews_items (post_id, url, title, points, comments, measured_at) VALUES (@id, @url, @title, @points, @comments, @at)
            ON CONFLICT (post_id) DO UPDATE SET url = excluded.url, title = excluded.title, points = excluded.points,
                comments = excluded.comments, measured_at = excluded.measured_at
            """,
            ("id", objectId), ("url", url), ("title", title), ("points", points), ("comments", comments), ("at", StoreTime.Utc(measuredAt)));
    }
}
