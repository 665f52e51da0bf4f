using System.Globalization;

namespace HotPapers.Store;

/// <summary>Reads for Bluesky: what the Jetstream listener resumes from, and the counts and fields of kept posts.</summary>
public sealed partial class HotPapersStore
{
    /// <summary>The last committed <c>time_us</c> of a stream, or null before the first commit.</summary>
    public long? LoadJetstreamCursor(string stream)
    {
        using var command = Command("SELECT time_us FROM jetstream_cursors WHERE stream = @s", ("s", stream));
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The at:// URIs of the posts whose likes, reposts and quotes are counted (not deleted).</summary>
    public HashSet<string> LoadKeptBlueskyPosts()
    {
        using var command = Command("SELECT post_id FROM bluesky_posts WHERE deleted = 0");
        using var reader = command.ExecuteReader();
        var uris = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) uris.Add(reader.GetString(0));
        return uris;
    }

    /// <summary>Event identities applied recently (within the rewind window kept by the listener).</summary>
    public List<(string Key, long TimeUs)> LoadJetstreamSeen()
    {
        using var command = Command("SELECT event_key, time_us FROM jetstream_seen");
        using var reader = command.ExecuteReader();
        var seen = new List<(string, long)>();
        while (reader.Read()) seen.Add((reader.GetString(0), reader.GetInt64(1)));
        return seen;
    }

    public BlueskyPostState? LoadBlueskyPost(string uri)
    {
        using var command = Command("""
            SELECT did, cid, has_embed, indexed_at, likes, reposts, quotes, replies, deleted FROM bluesky_posts WHERE post_id = @id
            """, ("id", uri));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new BlueskyPostState(uri, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2) != 0,
            reader.IsDBNull(3) ? null : StoreTime.ParseUtc(reader.GetString(3)), reader.GetInt64(4), reader.GetInt64(5),
            reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.GetInt64(8) != 0);
    }

    /// <summary>The latest snapshot of a post, if any.</summary>
    public Domain.EngagementSnapshot? LoadLatestSnapshot(string platform, string postId)
    {
        using var command = Command("""
            SELECT reposts, likes, measured_at FROM engagement_snapshots WHERE platform = @p AND post_id = @id
            ORDER BY measured_at DESC LIMIT 1
            """, ("p", platform), ("id", postId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Domain.EngagementSnapshot(platform, postId, reader.GetInt32(0), reader.GetInt32(1), StoreTime.ParseUtc(reader.GetString(2))) : null;
    }

    /// <summary>The arXiv ids a stored post links (whether or not the papers are stored).</summary>
    public List<string> LoadArxivLinks(string platform, string postId)
    {
        using var command = Command("SELECT arxiv_id FROM post_arxiv_links WHERE platform = @p AND post_id = @id ORDER BY arxiv_id",
            ("p", platform), ("id", postId));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>A stored post, if any.</summary>
    public Domain.SocialPost? LoadPost(string platform, string postId)
    {
        using var command = Command("""
            SELECT author_handle, author_name, created_at, lang, dir, text, entities, repost_of FROM social_posts
            WHERE platform = @p AND post_id = @id
            """, ("p", platform), ("id", postId));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new Domain.SocialPost(platform, postId, reader.GetString(0), reader.GetString(1), StoreTime.ParseUtc(reader.GetString(2)),
            reader.GetString(3), reader.GetString(4), reader.GetString(5), StoreJson.Read<Domain.PostEntity[]>(reader.GetString(6)),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }
}

/// <summary>What the store knows of a kept Bluesky post beyond the <see cref="Domain.SocialPost"/>: its counters and snippet fields.</summary>
public sealed record BlueskyPostState(
    string Uri, string Did, string? Cid, bool HasEmbed, DateTimeOffset? IndexedAt,
    long Likes, long Reposts, long Quotes, long? Replies, bool Deleted);
