using System.Data.Common;
using System.Runtime.CompilerServices;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>Writes for Bluesky: kept posts with their counters, the engagements behind them, and the Jetstream cursor.</summary>
public sealed partial class StoreTransaction
{
    /// <summary>
    /// Starts tracking a post (counts at zero for a new one). A post seen again keeps its counts and gains what
    /// is now known about it (cid, embed, indexedAt).
    /// </summary>
    public void KeepBlueskyPost(string uri, string did, string? cid, bool hasEmbed, DateTimeOffset? indexedAt)
    {
        Hot("""
            INSERT INTO bluesky_posts (post_id, did, cid, has_embed, indexed_at, likes, reposts, quotes, replies, snapshot_due, deleted)
            VALUES (@id, @did, @cid, @embed, @indexed, 0, 0, 0, NULL, 0, 0)
            ON CONFLICT (post_id) DO UPDATE SET cid = COALESCE(excluded.cid, bluesky_posts.cid), has_embed = excluded.has_embed,
                indexed_at = COALESCE(bluesky_posts.indexed_at, excluded.indexed_at), deleted = 0
            """,
            ("id", uri), ("did", did), ("cid", cid), ("embed", hasEmbed ? 1 : 0),
            ("indexed", indexedAt is { } at ? StoreTime.Utc(at) : null));
    }

    /// <summary>Sets the counts a platform reported (searchPosts); the listener counts on from them.</summary>
    public void SetBlueskyCounts(string uri, long likes, long reposts, long quotes, long? replies)
    {
        Run("""
            UPDATE bluesky_posts SET likes = @likes, reposts = @reposts, quotes = @quotes, replies = COALESCE(@replies, replies)
            WHERE post_id = @id
            """,
            ("id", uri), ("likes", likes), ("reposts", reposts), ("quotes", quotes), ("replies", replies));
    }

    /// <summary>Adds counted changes and marks the post as due for a snapshot. Counts can go down (deletes).</summary>
    public void AddBlueskyCounts(string uri, long likes, long reposts, long quotes)
    {
        Hot("""
            UPDATE bluesky_posts SET likes = likes + @likes, reposts = reposts + @reposts, quotes = quotes + @quotes, snapshot_due = 1
            WHERE post_id = @id
            """,
            ("id", uri), ("likes", likes), ("reposts", reposts), ("quotes", quotes));
    }

    /// <summary>Sets the handle on every kept post of an account (Jetstream names authors by DID only).</summary>
    public void UpdateBlueskyHandle(string did, string handle) =>
        Run("""
            UPDATE social_posts SET author_handle = @handle
            WHERE platform = 'bluesky' AND post_id IN (SELECT post_id FROM bluesky_posts WHERE did = @did)
            """, ("did", did), ("handle", handle));

    public void MarkBlueskyPostDeleted(string uri) =>
        Run("UPDATE bluesky_posts SET deleted = 1 WHERE post_id = @id", ("id", uri));

    /// <summary>Remembers a like, repost or quote of a kept post; false when it was already counted.</summary>
    public bool AddBlueskyEngagement(string actorDid, string collection, string rkey, string subject) =>
        Hot("""
            INSERT INTO bluesky_engagements (actor_did, collection, rkey, subject) VALUES (@did, @collection, @rkey, @subject)
            ON CONFLICT (actor_did, collection, rkey) DO NOTHING
            """,
            ("did", actorDid), ("collection", collection), ("rkey", rkey), ("subject", subject)) > 0;

    /// <summary>Forgets an engagement whose record was deleted; returns the post it had counted for, if any.</summary>
    public string? RemoveBlueskyEngagement(string actorDid, string collection, string rkey)
    {
        var command = Statement("""
            DELETE FROM bluesky_engagements WHERE actor_did = @did AND collection = @collection AND rkey = @rkey
            RETURNING subject
            """,
            ("did", actorDid), ("collection", collection), ("rkey", rkey));
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// Appends a snapshot of every post whose counts changed since its last one, measured at <paramref name="at"/>,
    /// and clears the flag. Returns how many were written.
    /// </summary>
    public int WriteDueBlueskySnapshots(DateTimeOffset at)
    {
        var due = new List<(string Uri, int Reposts, int Likes)>();
        using (var command = Prepare("SELECT post_id, reposts, likes FROM bluesky_posts WHERE snapshot_due = 1"))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) due.Add((reader.GetString(0), ClampToInt(reader.GetInt64(1)), ClampToInt(reader.GetInt64(2))));
        foreach (var (uri, reposts, likes) in due)
            UpsertSnapshot(new EngagementSnapshot(HotPapers.Social.Bluesky.BlueskyPlatform.Name, uri, reposts, likes, at));
        if (due.Count > 0) Run("UPDATE bluesky_posts SET snapshot_due = 0 WHERE snapshot_due = 1");
        return due.Count;
    }

    /// <summary>
    /// Stores a snapshot; a second measurement at the same instant replaces the first (it is the later reading of
    /// the same moment, as when two checkpoints fall in one millisecond).
    /// </summary>
    public void UpsertSnapshot(EngagementSnapshot snapshot)
    {
        Hot("""
            INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES (@platform, @id, @reposts, @likes, @at)
            ON CONFLICT (platform, post_id, measured_at) DO UPDATE SET reposts = excluded.reposts, likes = excluded.likes
            """,
            ("platform", snapshot.Platform), ("id", snapshot.PostId), ("reposts", snapshot.Reposts), ("likes", snapshot.Likes),
            ("at", StoreTime.Utc(snapshot.MeasuredAt)));
    }

    public void SetJetstreamCursor(string stream, long timeUs)
    {
        Run("""
            INSERT INTO jetstream_cursors (stream, time_us) VALUES (@stream, @t)
            ON CONFLICT (stream) DO UPDATE SET time_us = excluded.time_us
            """,
            ("stream", stream), ("t", timeUs));
    }

    /// <summary>Records that an event was applied; false when it already was (a replay after a rewind).</summary>
    public bool MarkJetstreamSeen(string eventKey, long timeUs) =>
        Hot("INSERT INTO jetstream_seen (event_key, time_us) VALUES (@key, @t) ON CONFLICT (event_key) DO NOTHING",
            ("key", eventKey), ("t", timeUs)) > 0;

    public void PruneJetstreamSeen(long olderThanTimeUs) =>
        Run("DELETE FROM jetstream_seen WHERE time_us < @t", ("t", olderThanTimeUs));

    /// <summary>
    /// Records that a post links a paper, for every platform. The link reaches <c>paper_posts</c> now if the paper
    /// is stored (returns true when it was added now), and otherwise when <see cref="LinkKnownPapers"/> runs after the
    /// paper arrives.
    /// </summary>
    public bool LinkArxiv(string platform, string postId, ArxivId paper)
    {
        Hot("""
            INSERT INTO post_arxiv_links (platform, post_id, arxiv_id) VALUES (@platform, @id, @paper)
            ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING
            """,
            ("platform", platform), ("id", postId), ("paper", paper.Value));
        return Hot("""
            INSERT INTO paper_posts (arxiv_id, platform, post_id, embed_order)
            SELECT @paper, @platform, @id, NULL WHERE EXISTS (SELECT 1 FROM papers WHERE arxiv_id = @paper)
            ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
            """,
            ("platform", platform), ("id", postId), ("paper", paper.Value)) > 0;
    }

    /// <summary>Links stored posts to papers that have arrived since the posts were seen. Returns links added.</summary>
    public int LinkKnownPapers() =>
        Affected("""
            INSERT INTO paper_posts (arxiv_id, platform, post_id, embed_order)
            SELECT l.arxiv_id, l.platform, l.post_id, NULL FROM post_arxiv_links l
            JOIN papers p ON p.arxiv_id = l.arxiv_id
            JOIN social_posts s ON s.platform = l.platform AND s.post_id = l.post_id
            WHERE true
            ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
            """);

    // The listener runs the same few statements thousands of times a second: prepare each once per connection
    // and rebind, instead of parsing the SQL on every call. The cache dies with its connection.
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Statements = new();

    private DbCommand Statement(string sql, params (string Name, object? Value)[] parameters)
    {
        var cache = Statements.GetOrCreateValue(_connection);
        if (!cache.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }
            cache[sql] = command;
        }
        command.Transaction = _transaction;
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    /// <summary>Runs a cached statement; returns the rows it changed.</summary>
    private int Hot(string sql, params (string Name, object? Value)[] parameters) => Statement(sql, parameters).ExecuteNonQuery();

    private static int ClampToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
