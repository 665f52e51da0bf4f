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
}
