using HotPapers.Domain;
using HotPapers.Store.Backends;

namespace HotPapers.Store;

/// <summary>Writes of social posts, their links to papers, cached embeds and engagement snapshots.</summary>
public sealed class PostWrites
{
    private readonly IStoreBackend _backend;
    private readonly StoreSql _sql;

    internal PostWrites(IStoreBackend backend, StoreSql sql)
    {
        _backend = backend;
        _sql = sql;
    }

    /// <summary>
    /// Stores a post. A post read back from embed HTML never overwrites one that came from a platform's API,
    /// which knows more (display URLs, exact times).
    /// </summary>
    public void Upsert(SocialPost post, PostSource source)
    {
        // Prepared once per connection: the Jetstream listener upserts every post it keeps.
        _sql.Hot(UpsertSql,
            ("platform", post.Platform), ("id", post.PostId), ("handle", post.AuthorHandle), ("name", post.AuthorName),
            ("created", StoreTime.Utc(post.CreatedAt)), ("lang", post.Lang), ("dir", post.Dir), ("text", post.Text),
            ("entities", StoreJson.Entities(post.Entities)), ("repost", post.RepostOf), ("source", StoredSource(source)));
    }

    /// <summary>How <c>social_posts.source</c> stores where a post came from (<see cref="UpsertSql"/> compares it).</summary>
    internal static string StoredSource(PostSource source) => source == PostSource.Api ? "api" : "embed";

    // Statements the Jetstream listener runs for every post it keeps. Its SQLite fast path (JetstreamBatchWrites)
    // prepares these same texts and binds by position: SQLite numbers named parameters in order of first appearance.
    internal const string UpsertSql = """
        INSERT INTO social_posts (platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source)
        VALUES (@platform, @id, @handle, @name, @created, @lang, @dir, @text, @entities, @repost, @source)
        ON CONFLICT (platform, post_id) DO UPDATE SET author_handle = excluded.author_handle, author_name = excluded.author_name,
            created_at = excluded.created_at, lang = excluded.lang, dir = excluded.dir, text = excluded.text,
            entities = excluded.entities, repost_of = excluded.repost_of, source = excluded.source
        WHERE excluded.source = 'api' OR social_posts.source = 'embed'
        """;

    internal const string LinkArxivSql = """
        INSERT INTO post_arxiv_links (platform, post_id, arxiv_id) VALUES (@platform, @id, @paper)
        ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING
        """;

    internal const string LinkStoredPaperSql = """
        INSERT INTO paper_posts (arxiv_id, platform, post_id, embed_order)
        SELECT @paper, @platform, @id, NULL WHERE EXISTS (SELECT 1 FROM papers WHERE arxiv_id = @paper)
        ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
        """;

    /// <summary>Records that a post links a stored paper; <paramref name="embedOrder"/> is its place in an imported digest.</summary>
    public void Link(ArxivId paper, string platform, string postId, int? embedOrder = null)
    {
        _sql.Run("""
            INSERT INTO paper_posts (arxiv_id, platform, post_id, embed_order) VALUES (@paper, @platform, @id, @order)
            ON CONFLICT (arxiv_id, platform, post_id) DO UPDATE SET embed_order = COALESCE(excluded.embed_order, paper_posts.embed_order)
            """,
            ("paper", paper.Value), ("platform", platform), ("id", postId), ("order", embedOrder));
    }

    /// <summary>
    /// Records that a post links a paper, for every platform; returns true when the link is new to the store. The
    /// link reaches <c>paper_posts</c> now if the paper is stored, and otherwise when <see cref="LinkKnownPapers"/>
    /// runs after the paper arrives (the daily job fetches metadata after the sources, for the papers with posts).
    /// </summary>
    public bool LinkArxiv(string platform, string postId, ArxivId paper)
    {
        var added = _sql.HotCount(LinkArxivSql, ("platform", platform), ("id", postId), ("paper", paper.Value)) > 0;
        _sql.Hot(LinkStoredPaperSql, ("platform", platform), ("id", postId), ("paper", paper.Value));
        return added;
    }

    /// <summary>Links stored posts to papers that have arrived since the posts were seen. Returns links added.</summary>
    public int LinkKnownPapers() =>
        _sql.RunCount("""
            INSERT INTO paper_posts (arxiv_id, platform, post_id, embed_order)
            SELECT l.arxiv_id, l.platform, l.post_id, NULL FROM post_arxiv_links l
            JOIN papers p ON p.arxiv_id = l.arxiv_id
            JOIN social_posts s ON s.platform = l.platform AND s.post_id = l.post_id
            WHERE true
            ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
            """);

    public void UpsertEmbed(string platform, string postId, string html, string source)
    {
        _sql.Run("""
            INSERT INTO embeds (platform, post_id, html, source) VALUES (@platform, @id, @html, @source)
            ON CONFLICT (platform, post_id) DO UPDATE SET html = excluded.html, source = excluded.source
            """,
            ("platform", platform), ("id", postId), ("html", html), ("source", source));
    }

    /// <summary>Appends a snapshot; the same measurement stored twice is kept once.</summary>
    public void AddSnapshot(EngagementSnapshot snapshot)
    {
        _sql.Run("""
            INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES (@platform, @id, @reposts, @likes, @at)
            ON CONFLICT (platform, post_id, measured_at) DO NOTHING
            """,
            ("platform", snapshot.Platform), ("id", snapshot.PostId), ("reposts", snapshot.Reposts), ("likes", snapshot.Likes),
            ("at", StoreTime.Utc(snapshot.MeasuredAt)));
    }

    /// <summary>
    /// Stores a snapshot; a second measurement at the same instant replaces the first (it is the later reading of
    /// the same moment, as when two checkpoints fall in one millisecond).
    /// </summary>
    public void ReplaceSnapshot(EngagementSnapshot snapshot)
    {
        _sql.Hot("""
            INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES (@platform, @id, @reposts, @likes, @at)
            ON CONFLICT (platform, post_id, measured_at) DO UPDATE SET reposts = excluded.reposts, likes = excluded.likes
            """,
            ("platform", snapshot.Platform), ("id", snapshot.PostId), ("reposts", snapshot.Reposts), ("likes", snapshot.Likes),
            ("at", StoreTime.Utc(snapshot.MeasuredAt)));
    }

    /// <summary>
    /// Writes a batch of imported posts with the same meaning as calling, row after row, <see cref="Upsert"/>,
    /// <see cref="LinkArxiv"/>, <see cref="AddSnapshot"/> and <see cref="UpsertEmbed"/>, the fastest way the backend
    /// offers (SQLite steps prepared statements; PostgreSQL copies the batch and merges it with one statement per table).
    /// </summary>
    public void Import(IReadOnlyList<SocialImportRow> rows)
    {
        _backend.WriteSocialRows(_sql, rows);
        foreach (var row in rows)
            if (row.EmbedHtml is { } html) UpsertEmbed(row.Post.Platform, row.Post.PostId, html, "import");
    }
}
