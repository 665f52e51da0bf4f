using HotPapers.Domain;

namespace HotPapers.Store;

public sealed partial class HotPapersStore
{
    /// <summary>The papers announced on a listing date, in crawl order.</summary>
    public List<ArxivId> LoadAnnouncedPaperIds(DateOnly listingDate)
    {
        using var command = Command("SELECT arxiv_id FROM announcements WHERE listing_date = @d ORDER BY crawl_order, arxiv_id",
            ("d", DigestWindow.Format(listingDate)));
        using var reader = command.ExecuteReader();
        var ids = new List<ArxivId>();
        while (reader.Read()) ids.Add(ArxivId.Parse(reader.GetString(0)));
        return ids;
    }

    /// <summary>The cached embed HTML of a post, if any.</summary>
    public string? LoadEmbedHtml(string platform, string postId)
    {
        using var command = Command("SELECT html FROM embeds WHERE platform = @p AND post_id = @id", ("p", platform), ("id", postId));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Original posts of a platform linked to papers announced on a date that have no cached embed yet.</summary>
    public List<SocialPost> LoadPostsWithoutEmbed(string platform, DateOnly listingDate)
    {
        using var command = Command("""
            SELECT DISTINCT s.platform, s.post_id, s.author_handle, s.author_name, s.created_at, s.lang, s.dir, s.text, s.entities, s.repost_of
            FROM announcements a
            JOIN paper_posts pp ON pp.arxiv_id = a.arxiv_id
            JOIN social_posts s ON s.platform = pp.platform AND s.post_id = pp.post_id
            WHERE a.listing_date = @d AND s.platform = @p AND s.repost_of IS NULL
              AND NOT EXISTS (SELECT 1 FROM embeds e WHERE e.platform = s.platform AND e.post_id = s.post_id)
            ORDER BY s.post_id
            """, ("d", DigestWindow.Format(listingDate)), ("p", platform));
        using var reader = command.ExecuteReader();
        var posts = new List<SocialPost>();
        while (reader.Read())
            posts.Add(new SocialPost(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                StoreTime.ParseUtc(reader.GetString(4)), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                StoreJson.Read<PostEntity[]>(reader.GetString(8)), reader.IsDBNull(9) ? null : reader.GetString(9)));
        return posts;
    }

    /// <summary>Rows of one table by a simple count query, for the social tables the core <see cref="RowCounts"/> does not list.</summary>
    public long CountRows(string table) => table is "post_arxiv_links" or "social_posts" or "paper_posts" or "engagement_snapshots" or "embeds"
        ? Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture)
        : throw new ArgumentException($"unknown table {table}", nameof(table));
}
