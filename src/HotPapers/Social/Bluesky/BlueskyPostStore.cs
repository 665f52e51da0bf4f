using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social.Bluesky;

/// <summary>What the store knows of a kept Bluesky post beyond the <see cref="SocialPost"/>: its counters and snippet fields.</summary>
public sealed record BlueskyPostState(
    string Uri, string Did, string? Cid, bool HasEmbed, DateTimeOffset? IndexedAt,
    long Likes, long Reposts, long Quotes, long? Replies, bool Deleted);

/// <summary>Bluesky's state in the store: kept posts with their live counters, and the engagements behind them.</summary>
public static class BlueskyStoreAccess
{
    extension(HotPapersStore store)
    {
        public BlueskyPostReads Bluesky => new(store.Sql);
    }

    extension(StoreTransaction tx)
    {
        public BlueskyPostWrites Bluesky => new(tx.Sql, tx.Posts);
    }
}

public sealed class BlueskyPostReads
{
    private readonly StoreSql _sql;

    internal BlueskyPostReads(StoreSql sql) => _sql = sql;

    /// <summary>
    /// The at:// URIs of the posts whose likes, reposts and quotes are counted (not deleted), read row by row as
    /// enumerated (once): a store keeps every post it ever kept.
    /// </summary>
    public IEnumerable<string> KeptPostUris() =>
        _sql.Stream("SELECT post_id FROM bluesky_posts WHERE deleted = 0", r => r.GetString(0));

    /// <summary>
    /// The identities (actor, collection, rkey) of the engagements counted, so a delete of one can be recognised: read
    /// row by row as enumerated (once), since a store keeps every engagement it ever counted (a list of a million
    /// took a listener's start-up to a 351 MiB peak, docs/benchmarks-history.md).
    /// </summary>
    public IEnumerable<(string Did, string Collection, string Rkey)> EngagementKeys() =>
        _sql.Stream("SELECT actor_did, collection, rkey FROM bluesky_engagements", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>What is kept of one post beyond its <see cref="SocialPost"/>: cid, embed flag, indexedAt and counters.</summary>
    public BlueskyPostState? Load(string uri) =>
        _sql.Rows("SELECT did, cid, has_embed, indexed_at, likes, reposts, quotes, replies, deleted FROM bluesky_posts WHERE post_id = @id",
            r => new BlueskyPostState(uri, r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2) != 0,
                r.IsDBNull(3) ? null : StoreTime.ParseUtc(r.GetString(3)), r.GetInt64(4), r.GetInt64(5),
                r.GetInt64(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.GetInt64(8) != 0), ("id", uri)).FirstOrDefault();
}

/// <summary>Writes for Bluesky: kept posts with their counters, and the engagements behind them.</summary>
public sealed class BlueskyPostWrites
{
    private readonly StoreSql _sql;
    private readonly PostWrites _posts;

    internal BlueskyPostWrites(StoreSql sql, PostWrites posts)
    {
        _sql = sql;
        _posts = posts;
    }

    /// <summary>
    /// Starts tracking a post (counts at zero for a new one). A post seen again keeps its counts and gains what
    /// is now known about it (cid, embed, indexedAt).
    /// </summary>
    public void KeepPost(string uri, string did, string? cid, bool hasEmbed, DateTimeOffset? indexedAt)
    {
        _sql.Hot(KeepPostSql,
            ("id", uri), ("did", did), ("cid", cid), ("embed", hasEmbed ? 1 : 0),
            ("indexed", indexedAt is { } at ? StoreTime.Utc(at) : null));
    }

    /// <summary>Sets the counts a platform reported (searchPosts); the listener counts on from them.</summary>
    public void SetCounts(string uri, long likes, long reposts, long quotes, long? replies)
    {
        _sql.Run("""
            UPDATE bluesky_posts SET likes = @likes, reposts = @reposts, quotes = @quotes, replies = COALESCE(@replies, replies)
            WHERE post_id = @id
            """,
            ("id", uri), ("likes", likes), ("reposts", reposts), ("quotes", quotes), ("replies", replies));
    }

    /// <summary>Adds counted changes and marks the post as due for a snapshot. Counts can go down (deletes).</summary>
    public void AddCounts(string uri, long likes, long reposts, long quotes) =>
        _sql.Hot(AddCountsSql, ("id", uri), ("likes", likes), ("reposts", reposts), ("quotes", quotes));

    // The statements the Jetstream listener runs per event. Its SQLite fast path (JetstreamBatchWrites) prepares these
    // same texts and binds by position: SQLite numbers named parameters in order of first appearance.
    internal const string KeepPostSql = """
        INSERT INTO bluesky_posts (post_id, did, cid, has_embed, indexed_at, likes, reposts, quotes, replies, snapshot_due, deleted)
        VALUES (@id, @did, @cid, @embed, @indexed, 0, 0, 0, NULL, 0, 0)
        ON CONFLICT (post_id) DO UPDATE SET cid = COALESCE(excluded.cid, bluesky_posts.cid), has_embed = excluded.has_embed,
            indexed_at = COALESCE(bluesky_posts.indexed_at, excluded.indexed_at), deleted = 0
        """;

    internal const string MarkDeletedSql = "UPDATE bluesky_posts SET deleted = 1 WHERE post_id = @id";

    internal const string AddCountsSql = """
        UPDATE bluesky_posts SET likes = likes + @likes, reposts = reposts + @reposts, quotes = quotes + @quotes, snapshot_due = 1
        WHERE post_id = @id
        """;

    internal const string AddEngagementSql = """
        INSERT INTO bluesky_engagements (actor_did, collection, rkey, subject) VALUES (@did, @collection, @rkey, @subject)
        ON CONFLICT (actor_did, collection, rkey) DO NOTHING
        """;

    internal const string RemoveEngagementSql = """
        DELETE FROM bluesky_engagements WHERE actor_did = @did AND collection = @collection AND rkey = @rkey
        RETURNING subject
        """;

    /// <summary>Sets the handle on every kept post of an account (Jetstream names authors by DID only).</summary>
    /// <summary>
    /// Names the author of every stored post of <paramref name="did"/> (Jetstream posts carry only the DID). Posts are
    /// keyed by their at:// URI, which starts with the author's DID.
    /// </summary>
    public void SetAuthor(string did, string handle, string displayName)
    {
        var prefix = "at://" + did + "/";
        _sql.Run("""
            UPDATE social_posts SET author_handle = @handle, author_name = @name
            WHERE platform = 'bluesky' AND substr(post_id, 1, @length) = @prefix
            """, ("handle", handle), ("name", displayName), ("length", prefix.Length), ("prefix", prefix));
    }

    public void UpdateHandle(string did, string handle) =>
        _sql.Run("""
            UPDATE social_posts SET author_handle = @handle
            WHERE platform = 'bluesky' AND post_id IN (SELECT post_id FROM bluesky_posts WHERE did = @did)
            """, ("did", did), ("handle", handle));

    public void MarkDeleted(string uri) =>
        _sql.Run(MarkDeletedSql, ("id", uri));

    /// <summary>Remembers a like, repost or quote of a kept post; false when it was already counted.</summary>
    public bool AddEngagement(string actorDid, string collection, string rkey, string subject) =>
        _sql.HotCount(AddEngagementSql,
            ("did", actorDid), ("collection", collection), ("rkey", rkey), ("subject", subject)) > 0;

    /// <summary>Forgets an engagement whose record was deleted; returns the post it had counted for, if any.</summary>
    public string? RemoveEngagement(string actorDid, string collection, string rkey) =>
        _sql.Cached(RemoveEngagementSql,
            ("did", actorDid), ("collection", collection), ("rkey", rkey)).ExecuteScalar() as string;

    /// <summary>
    /// Appends a snapshot of every post whose counts changed since its last one, measured at <paramref name="at"/>,
    /// and clears the flag. Returns how many were written.
    /// </summary>
    public int WriteDueSnapshots(DateTimeOffset at)
    {
        var due = _sql.Rows("SELECT post_id, reposts, likes FROM bluesky_posts WHERE snapshot_due = 1",
            r => (Uri: r.GetString(0), Reposts: ClampToInt(r.GetInt64(1)), Likes: ClampToInt(r.GetInt64(2))));
        foreach (var (uri, reposts, likes) in due)
            _posts.ReplaceSnapshot(new EngagementSnapshot(BlueskyPlatform.Name, uri, reposts, likes, at));
        if (due.Count > 0) _sql.Run("UPDATE bluesky_posts SET snapshot_due = 0 WHERE snapshot_due = 1");
        return due.Count;
    }

    private static int ClampToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
