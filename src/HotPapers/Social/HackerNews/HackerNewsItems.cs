using HotPapers.Store;

namespace HotPapers.Social.HackerNews;

/// <summary>Hacker News stories in the store: the latest points and comment count beside the post.</summary>
public sealed class HackerNewsItems
{
    private readonly StoreSql _sql;

    internal HackerNewsItems(StoreSql sql) => _sql = sql;

    /// <summary>A stored story as Hacker News shows it: its link, title, points and comment count.</summary>
    public HackerNewsItem? Load(string objectId) =>
        _sql.Rows("SELECT url, title, points, comments FROM hackernews_items WHERE post_id = @id",
            r => new HackerNewsItem(objectId, r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), ("id", objectId)).FirstOrDefault();

    public void Upsert(string objectId, string url, string title, long points, long comments, DateTimeOffset measuredAt)
    {
        _sql.Run("""
            INSERT INTO hackernews_items (post_id, url, title, points, comments, measured_at) VALUES (@id, @url, @title, @points, @comments, @at)
            ON CONFLICT (post_id) DO UPDATE SET url = excluded.url, title = excluded.title, points = excluded.points,
                comments = excluded.comments, measured_at = excluded.measured_at
            """,
            ("id", objectId), ("url", url), ("title", title), ("points", points), ("comments", comments), ("at", StoreTime.Utc(measuredAt)));
    }
}

/// <summary>A Hacker News story's latest stored fields.</summary>
public sealed record HackerNewsItem(string ObjectId, string Url, string Title, long Points, long Comments);

public static class HackerNewsItemsAccess
{
    extension(HotPapersStore store)
    {
        public HackerNewsItems HackerNews => new(store.Sql);
    }

    extension(StoreTransaction tx)
    {
        public HackerNewsItems HackerNews => new(tx.Sql);
    }
}
