namespace HotPapers.Store;

public sealed partial class HotPapersStore
{
    /// <summary>The latest points and comment count stored for a Hacker News story.</summary>
    public (long Points, long Comments)? LoadHackerNewsCounts(string objectId)
    {
        using var command = Command("SELECT points, comments FROM hackernews_items WHERE post_id = @id", ("id", objectId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>A stored story as Hacker News shows it: its link, title, points and comment count.</summary>
    public HackerNewsItem? LoadHackerNewsItem(string objectId)
    {
        using var command = Command("SELECT url, title, points, comments FROM hackernews_items WHERE post_id = @id", ("id", objectId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new HackerNewsItem(objectId, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)) : null;
    }
}

/// <summary>A Hacker News story's latest stored fields.</summary>
public sealed record HackerNewsItem(string ObjectId, string Url, string Title, long Points, long Comments);
