using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>A paper with every listing date it was announced on, newest first (<see cref="Paper.ListingDate"/> is the newest).</summary>
public sealed record ListedPaper(Paper Paper, IReadOnlyList<DateOnly> ListingDates);

/// <summary>Paper totals as a published (imported) digest printed them: the original kept no per-post counts.</summary>
public sealed record ReportedTotals(string WindowKey, int Reposts, int Likes, DateTime MeasuredAtLocal)
{
    public int Score => Reposts + Likes;
}

/// <summary>A post linking a paper with every engagement snapshot taken of it, oldest first.</summary>
public sealed record LinkedPost(SocialPost Post, IReadOnlyList<EngagementSnapshot> Snapshots, int? EmbedOrder)
{
    public EngagementSnapshot? Latest => Snapshots.Count == 0 ? null : Snapshots[^1];
}

/// <summary>Everything the store knows about a paper's reception: its posts with their history, and printed totals.</summary>
public sealed record PaperActivity(IReadOnlyList<LinkedPost> Posts, IReadOnlyList<ReportedTotals> Reported)
{
    public static readonly PaperActivity None = new([], []);
}

/// <summary>The reads of the HTML site: windows to publish, papers with their listing dates, and per-paper activity.</summary>
public sealed partial class HotPapersStore
{
    /// <summary>
    /// The windows the site has a page for, newest first: every listing date with announcements, and every
    /// stored digest of a range (a single-day digest is already one of the listing dates).
    /// </summary>
    public IReadOnlyList<DigestWindow> LoadSiteWindows()
    {
        var windows = new HashSet<DigestWindow>();
        using (var command = Command("SELECT DISTINCT listing_date FROM announcements"))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) windows.Add(DigestWindow.Day(ParseDate(reader.GetString(0))));
        using (var command = Command("SELECT window_start, window_end FROM digests"))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) windows.Add(new DigestWindow(ParseDate(reader.GetString(0)), ParseDate(reader.GetString(1))));
        return windows.OrderByDescending(w => w.End).ThenByDescending(w => w.Start).ToList();
    }

    /// <summary>Every paper with its listing dates; pass <paramref name="only"/> to read one.</summary>
    public IReadOnlyList<ListedPaper> LoadListedPapers(ArxivId? only = null)
    {
        var dates = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        var filter = only is null ? "" : " WHERE arxiv_id = @id";
        var id = IdParameter(only);
        using (var command = Command("SELECT arxiv_id, listing_date, crawl_order FROM announcements" + filter, id))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!dates.TryGetValue(reader.GetString(0), out var list)) dates[reader.GetString(0)] = list = [];
                list.Add(ParseDate(reader.GetString(1)));
            }
        }
        var papers = new List<ListedPaper>();
        using (var command = Command("SELECT arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url FROM papers" + filter + " ORDER BY arxiv_id", id))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetString(0);
                var listed = dates.TryGetValue(key, out var list) ? list.OrderDescending().ToList() : [];
                var paper = new Paper(ArxivId.Parse(key), reader.GetString(1), StoreJson.Read<string[]>(reader.GetString(2)),
                    StoreJson.Read<Subject[]>(reader.GetString(3)), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), listed.Count == 0 ? DateOnly.MinValue : listed[0], 0);
                papers.Add(new ListedPaper(paper, listed));
            }
        }
        return papers;
    }

    /// <summary>
    /// Posts (with all their snapshots) and printed totals per paper id; pass <paramref name="only"/> to read one
    /// paper. Reading all at once is what keeps a full site build to a handful of queries.
    /// </summary>
    public IReadOnlyDictionary<string, PaperActivity> LoadPaperActivity(ArxivId? only = null)
    {
        var id = IdParameter(only);
        var snapshots = new Dictionary<(string, string), List<EngagementSnapshot>>();
        using (var command = Command("""
            SELECT snap.platform, snap.post_id, snap.reposts, snap.likes, snap.measured_at
            FROM engagement_snapshots snap
            """ + (only is null ? "" : " WHERE EXISTS (SELECT 1 FROM paper_posts pp WHERE pp.arxiv_id = @id AND pp.platform = snap.platform AND pp.post_id = snap.post_id)")
            + " ORDER BY snap.platform, snap.post_id, snap.measured_at", id))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!snapshots.TryGetValue(key, out var list)) snapshots[key] = list = [];
                list.Add(new EngagementSnapshot(key.Item1, key.Item2, reader.GetInt32(2), reader.GetInt32(3), StoreTime.ParseUtc(reader.GetString(4))));
            }
        }

        var posts = new Dictionary<string, List<LinkedPost>>(StringComparer.Ordinal);
        using (var command = Command("""
            SELECT pp.arxiv_id, s.platform, s.post_id, s.author_handle, s.author_name, s.created_at, s.lang, s.dir, s.text,
                   s.entities, s.repost_of, pp.embed_order
            FROM paper_posts pp JOIN social_posts s ON s.platform = pp.platform AND s.post_id = pp.post_id
            """ + (only is null ? "" : " WHERE pp.arxiv_id = @id") + " ORDER BY pp.arxiv_id, s.created_at DESC, s.post_id DESC", id))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var platform = reader.GetString(1);
                var postId = reader.GetString(2);
                var post = new SocialPost(platform, postId, reader.GetString(3), reader.GetString(4), StoreTime.ParseUtc(reader.GetString(5)),
                    reader.GetString(6), reader.GetString(7), reader.GetString(8), StoreJson.Read<PostEntity[]>(reader.GetString(9)),
                    reader.IsDBNull(10) ? null : reader.GetString(10));
                var history = snapshots.TryGetValue((platform, postId), out var list) ? list : [];
                if (!posts.TryGetValue(reader.GetString(0), out var paperPosts)) posts[reader.GetString(0)] = paperPosts = [];
                paperPosts.Add(new LinkedPost(post, history, reader.IsDBNull(11) ? null : reader.GetInt32(11)));
            }
        }

        var reported = new Dictionary<string, List<ReportedTotals>>(StringComparer.Ordinal);
        using (var command = Command("SELECT arxiv_id, window_key, reposts, likes, measured_at FROM reported_totals"
            + (only is null ? "" : " WHERE arxiv_id = @id") + " ORDER BY arxiv_id, window_key", id))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!reported.TryGetValue(reader.GetString(0), out var list)) reported[reader.GetString(0)] = list = [];
                list.Add(new ReportedTotals(reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), StoreTime.ParseLocal(reader.GetString(4))));
            }
        }

        var activity = new Dictionary<string, PaperActivity>(StringComparer.Ordinal);
        foreach (var key in posts.Keys.Union(reported.Keys))
            activity[key] = new PaperActivity(posts.TryGetValue(key, out var p) ? p : [], reported.TryGetValue(key, out var r) ? r : []);
        return activity;
    }

    /// <summary>The papers of a window whose totals come from a published digest rather than from post snapshots.</summary>
    public IReadOnlySet<string> LoadReportedPaperIds(DigestWindow window)
    {
        using var command = Command("SELECT arxiv_id FROM reported_totals WHERE window_key = @w", ("w", window.DateStr));
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>
    /// A second connection to the same store file, so a long read (a site build) can load on two threads; null
    /// for an in-memory store, which a second connection would not see.
    /// </summary>
    public HotPapersStore? OpenAnother()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_connection.ConnectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
            return null;
        return Open(builder.ToString());
    }

    private static (string, object?)[] IdParameter(ArxivId? only) => only is { } id ? [("id", id.Value)] : [];

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
