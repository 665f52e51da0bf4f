using System.Data.Common;
using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>
/// The writes of one unit of work. Every write is an upsert keyed by the natural key (paper id, platform and
/// post id, …), so repeating a unit of work changes nothing; snapshots are appended, keyed by their time.
/// </summary>
public sealed partial class StoreTransaction
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    internal StoreTransaction(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Stores the paper's metadata and its announcement on <see cref="Paper.ListingDate"/>.</summary>
    public void UpsertPaper(Paper paper)
    {
        Run("""
            INSERT INTO papers (arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url)
            VALUES (@id, @title, @authors, @subjects, @abstract, @abs, @pdf)
            ON CONFLICT (arxiv_id) DO UPDATE SET title = excluded.title, authors = excluded.authors,
                subjects = excluded.subjects, abstract = excluded.abstract, abs_url = excluded.abs_url, pdf_url = excluded.pdf_url
            """,
            ("id", paper.Id.Value), ("title", paper.Title), ("authors", StoreJson.Write(paper.Authors)),
            ("subjects", StoreJson.Subjects(paper.Subjects)), ("abstract", paper.Abstract), ("abs", paper.AbsUrl), ("pdf", paper.PdfUrl));
        Run("""
            INSERT INTO announcements (listing_date, arxiv_id, crawl_order) VALUES (@date, @id, @order)
            ON CONFLICT (listing_date, arxiv_id) DO UPDATE SET crawl_order = excluded.crawl_order
            """,
            ("date", DigestWindow.Format(paper.ListingDate)), ("id", paper.Id.Value), ("order", paper.CrawlOrder));
    }

    /// <summary>
    /// Stores a post. A post read back from embed HTML never overwrites one that came from a platform's API,
    /// which knows more (display URLs, exact times).
    /// </summary>
    public void UpsertPost(SocialPost post, PostSource source)
    {
        Run("""
            INSERT INTO social_posts (platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source)
            VALUES (@platform, @id, @handle, @name, @created, @lang, @dir, @text, @entities, @repost, @source)
            ON CONFLICT (platform, post_id) DO UPDATE SET author_handle = excluded.author_handle, author_name = excluded.author_name,
                created_at = excluded.created_at, lang = excluded.lang, dir = excluded.dir, text = excluded.text,
                entities = excluded.entities, repost_of = excluded.repost_of, source = excluded.source
            WHERE excluded.source = 'api' OR social_posts.source = 'embed'
            """,
            ("platform", post.Platform), ("id", post.PostId), ("handle", post.AuthorHandle), ("name", post.AuthorName),
            ("created", StoreTime.Utc(post.CreatedAt)), ("lang", post.Lang), ("dir", post.Dir), ("text", post.Text),
            ("entities", StoreJson.Entities(post.Entities)), ("repost", post.RepostOf), ("source", source == PostSource.Api ? "api" : "embed"));
    }

    /// <summary>Records that a post links a paper; <paramref name="embedOrder"/> is its place in an imported digest.</summary>
    public void LinkPost(ArxivId paper, string platform, string postId, int? embedOrder = null)
    {
        Run("""
            INSERT INTO paper_posts (arxiv_id, platform, post_id, embed_order) VALUES (@paper, @platform, @id, @order)
            ON CONFLICT (arxiv_id, platform, post_id) DO UPDATE SET embed_order = COALESCE(excluded.embed_order, paper_posts.embed_order)
            """,
            ("paper", paper.Value), ("platform", platform), ("id", postId), ("order", embedOrder));
    }

    public void UpsertEmbed(string platform, string postId, string html, string source)
    {
        Run("""
            INSERT INTO embeds (platform, post_id, html, source) VALUES (@platform, @id, @html, @source)
            ON CONFLICT (platform, post_id) DO UPDATE SET html = excluded.html, source = excluded.source
            """,
            ("platform", platform), ("id", postId), ("html", html), ("source", source));
    }

    /// <summary>Appends a snapshot; the same measurement stored twice is kept once.</summary>
    public void AddSnapshot(EngagementSnapshot snapshot)
    {
        Run("""
            INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES (@platform, @id, @reposts, @likes, @at)
            ON CONFLICT (platform, post_id, measured_at) DO NOTHING
            """,
            ("platform", snapshot.Platform), ("id", snapshot.PostId), ("reposts", snapshot.Reposts), ("likes", snapshot.Likes),
            ("at", StoreTime.Utc(snapshot.MeasuredAt)));
    }

    /// <summary>Paper totals as an imported digest printed them (the original kept no per-post counts).</summary>
    public void SetReportedTotals(DigestWindow window, ArxivId paper, int reposts, int likes, DateTime measuredAtLocal)
    {
        Run("""
            INSERT INTO reported_totals (window_key, arxiv_id, reposts, likes, measured_at) VALUES (@window, @paper, @reposts, @likes, @at)
            ON CONFLICT (window_key, arxiv_id) DO UPDATE SET reposts = excluded.reposts, likes = excluded.likes, measured_at = excluded.measured_at
            """,
            ("window", window.DateStr), ("paper", paper.Value), ("reposts", reposts), ("likes", likes), ("at", StoreTime.Local(measuredAtLocal)));
    }

    public void UpsertDigest(DigestWindow window, DateTime generatedAtLocal, string source)
    {
        Run("""
            INSERT INTO digests (window_key, window_start, window_end, generated_at, source) VALUES (@window, @start, @end, @at, @source)
            ON CONFLICT (window_key) DO UPDATE SET generated_at = excluded.generated_at, source = excluded.source
            """,
            ("window", window.DateStr), ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End)),
            ("at", StoreTime.Local(generatedAtLocal)), ("source", source));
    }

    internal void Run(string sql, params (string Name, object? Value)[] parameters) => Affected(sql, parameters);

    /// <summary>Runs a one-off statement in this transaction; returns the rows it changed.</summary>
    internal int Affected(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(sql, parameters);
        return command.ExecuteNonQuery();
    }

    internal System.Data.Common.DbCommand Prepare(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>Where a stored post came from: a platform's API, or read back from embed HTML.</summary>
public enum PostSource
{
    Api,
    Embed,
}

/// <summary>How times are written in the store: UTC instants with a Z, local wall-clock times without a zone.</summary>
internal static class StoreTime
{
    public const string LocalFormat = "yyyy-MM-ddTHH:mm:ss";

    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string Local(DateTime t) => t.ToString(LocalFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseUtc(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTime ParseLocal(string s) => DateTime.ParseExact(s, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
