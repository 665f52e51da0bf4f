using HotPapers.Domain;
using HotPapers.Social.Bluesky;
using HotPapers.Store;

namespace HotPapers.Testing;

/// <summary>
/// Reads only tests need (what a collector or importer stored, row by row). They live here, over the store's SQL,
/// so the product's store keeps only the reads the product uses.
/// </summary>
public static class StoreReads
{
    /// <summary>The papers announced on a day, in crawl order, with how each was listed ('new', 'cross', or null when unknown).</summary>
    public static IReadOnlyList<(ArxivId Id, int CrawlOrder, string? Kind)> LoadAnnouncements(this HotPapersStore store, DateOnly day) =>
        store.Sql.Rows("SELECT arxiv_id, crawl_order, kind FROM announcements WHERE listing_date = @d ORDER BY crawl_order, arxiv_id",
            r => (ArxivId.Parse(r.GetString(0)), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2)), ("d", DigestWindow.Format(day)));

    /// <summary>The last thing the metadata API said about a paper: status, version and detail.</summary>
    public static (string Status, int? Version, string? Detail)? LoadArxivFetch(this HotPapersStore store, ArxivId id) =>
        store.Sql.Rows("SELECT status, version, detail FROM arxiv_fetches WHERE arxiv_id = @id",
            r => (r.GetString(0), r.IsDBNull(1) ? (int?)null : r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2)), ("id", id.Value)) is [var fetch] ? fetch : null;

    /// <summary>The arXiv ids a stored post links (whether or not the papers are stored).</summary>
    public static List<string> LoadArxivLinks(this HotPapersStore store, string platform, string postId) =>
        store.Sql.Rows("SELECT arxiv_id FROM post_arxiv_links WHERE platform = @p AND post_id = @id ORDER BY arxiv_id",
            r => r.GetString(0), ("p", platform), ("id", postId));

    /// <summary>The latest snapshot of a post, if any.</summary>
    public static EngagementSnapshot? LoadLatestSnapshot(this HotPapersStore store, string platform, string postId) =>
        store.Sql.Rows("SELECT reposts, likes, measured_at FROM engagement_snapshots WHERE platform = @p AND post_id = @id ORDER BY measured_at DESC LIMIT 1",
            r => new EngagementSnapshot(platform, postId, r.GetInt32(0), r.GetInt32(1), StoreTime.ParseUtc(r.GetString(2))),
            ("p", platform), ("id", postId)).FirstOrDefault();

    /// <summary>A stored post, if any.</summary>
    public static SocialPost? LoadPost(this HotPapersStore store, string platform, string postId) =>
        store.Sql.Rows("SELECT s.platform, s.post_id, s.author_handle, s.author_name, s.created_at, s.lang, s.dir, s.text, s.entities, s.repost_of FROM social_posts s WHERE s.platform = @p AND s.post_id = @id",
            r => PostStore.ReadPost(r, 0), ("p", platform), ("id", postId)).FirstOrDefault();

    public static BlueskyPostState? LoadBlueskyPost(this HotPapersStore store, string uri) => store.Bluesky.Load(uri);

    /// <summary>The latest points and comment count stored for a Hacker News story.</summary>
    public static (long Points, long Comments)? LoadHackerNewsCounts(this HotPapersStore store, string objectId) =>
        store.Sql.Rows("SELECT points, comments FROM hackernews_items WHERE post_id = @id", r => (r.GetInt64(0), r.GetInt64(1)), ("id", objectId))
            is [var counts] ? counts : null;

    /// <summary>A query on the store's connection, for tests that compare whole tables.</summary>
    public static System.Data.Common.DbCommand Command(this HotPapersStore store, string sql, params (string Name, object? Value)[] parameters) =>
        store.Sql.Command(sql, parameters);

    /// <summary>Rows of any table.</summary>
    public static long CountRows(this HotPapersStore store, string table) => store.Sql.Count($"SELECT COUNT(*) FROM {table}");
}
