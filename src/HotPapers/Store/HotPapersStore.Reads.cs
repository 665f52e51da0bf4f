using System.Data.Common;
using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Store;

public sealed partial class HotPapersStore
{
    /// <summary>
    /// Everything needed to rank a window: the papers announced in it (crawl order, the first announcement
    /// kept), their totals, and their posts with latest counts and cached embeds.
    /// Totals printed by an imported digest of this exact window win; otherwise <see cref="PaperTotals"/> sums them.
    /// </summary>
    public DigestCandidates LoadCandidates(DigestWindow window, TimeZoneInfo localZone)
    {
        var papers = LoadPapers(window);
        var reported = LoadReportedTotals(window);
        var posts = LoadPosts(window);
        var candidates = new List<CandidatePaper>(papers.Count);
        foreach (var paper in papers)
        {
            var paperPosts = posts.TryGetValue(paper.Id.Value, out var list) ? list : [];
            if (reported.TryGetValue(paper.Id.Value, out var totals))
            {
                candidates.Add(new CandidatePaper(paper, totals.Reposts, totals.Likes, totals.At, paperPosts, TotalsFixed: true));
                continue;
            }
            var (reposts, likes, measured) = PaperTotals.Of(paperPosts, localZone);
            candidates.Add(new CandidatePaper(paper, reposts, likes, measured, paperPosts));
        }
        return new DigestCandidates(window, LoadGeneratedAt(window), candidates);
    }

    /// <summary>When the stored digest of this window was generated, if one was imported or written.</summary>
    public DateTime? LoadGeneratedAt(DigestWindow window)
    {
        using var command = Command("SELECT generated_at FROM digests WHERE window_key = @w", ("w", window.DateStr));
        return command.ExecuteScalar() is string s ? StoreTime.ParseLocal(s) : null;
    }

    private List<Paper> LoadPapers(DigestWindow window)
    {
        using var command = Command("""
            SELECT p.arxiv_id, p.title, p.authors, p.subjects, p.abstract, p.abs_url, p.pdf_url, a.listing_date, a.crawl_order
            FROM announcements a JOIN papers p ON p.arxiv_id = a.arxiv_id
            WHERE a.listing_date >= @start AND a.listing_date <= @end
            ORDER BY a.listing_date, a.crawl_order, p.arxiv_id
            """, ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End)));
        using var reader = command.ExecuteReader();
        var papers = new List<Paper>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!seen.Add(id)) continue;
            // Over a range, crawl places restart each day; number them through so ties stay in crawl order.
            order++;
            papers.Add(new Paper(
                ArxivId.Parse(id), reader.GetString(1), StoreJson.Read<string[]>(reader.GetString(2)),
                StoreJson.Read<Subject[]>(reader.GetString(3)), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd"),
                window.IsSingleDay ? reader.GetInt32(8) : order));
        }
        return papers;
    }

    private Dictionary<string, (int Reposts, int Likes, DateTime At)> LoadReportedTotals(DigestWindow window)
    {
        using var command = Command("SELECT arxiv_id, reposts, likes, measured_at FROM reported_totals WHERE window_key = @w", ("w", window.DateStr));
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<string, (int, int, DateTime)>(StringComparer.Ordinal);
        while (reader.Read()) totals[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2), StoreTime.ParseLocal(reader.GetString(3)));
        return totals;
    }

    /// <summary>Posts per paper, newest first (the order a search returns them in), with latest counts and embeds.</summary>
    private Dictionary<string, List<CandidatePost>> LoadPosts(DigestWindow window)
    {
        using var command = Command("""
            SELECT pp.arxiv_id, s.platform, s.post_id, s.author_handle, s.author_name, s.created_at, s.lang, s.dir, s.text,
                   s.entities, s.repost_of, pp.embed_order, e.html,
                   snap.reposts, snap.likes, snap.measured_at
            FROM announcements a
            JOIN paper_posts pp ON pp.arxiv_id = a.arxiv_id
            JOIN social_posts s ON s.platform = pp.platform AND s.post_id = pp.post_id
            LEFT JOIN embeds e ON e.platform = s.platform AND e.post_id = s.post_id
            LEFT JOIN engagement_snapshots snap ON snap.platform = s.platform AND snap.post_id = s.post_id
                AND snap.measured_at = (SELECT MAX(m.measured_at) FROM engagement_snapshots m WHERE m.platform = s.platform AND m.post_id = s.post_id)
            WHERE a.listing_date >= @start AND a.listing_date <= @end
            """, ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End)));
        using var reader = command.ExecuteReader();
        var posts = new Dictionary<string, List<CandidatePost>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, string)>();
        while (reader.Read())
        {
            var paper = reader.GetString(0);
            var platform = reader.GetString(1);
            var postId = reader.GetString(2);
            if (!seen.Add((paper, platform, postId))) continue; // a paper announced twice in a range
            var post = new SocialPost(platform, postId, reader.GetString(3), reader.GetString(4), StoreTime.ParseUtc(reader.GetString(5)),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), StoreJson.Read<PostEntity[]>(reader.GetString(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10));
            var counts = reader.IsDBNull(13) ? null
                : new EngagementSnapshot(platform, postId, reader.GetInt32(13), reader.GetInt32(14), StoreTime.ParseUtc(reader.GetString(15)));
            var candidate = new CandidatePost(post, counts, reader.IsDBNull(11) ? null : reader.GetInt32(11), reader.IsDBNull(12) ? null : reader.GetString(12));
            if (!posts.TryGetValue(paper, out var list)) posts[paper] = list = [];
            list.Add(candidate);
        }
        // Sorted here, not in SQL, so that text collation (which differs between databases) plays no part.
        foreach (var list in posts.Values)
            list.Sort(static (a, b) => NewestFirst(a.Post, b.Post));
        return posts;
    }

    /// <summary>Newest first; equal times by id, larger (later) first, comparing numeric ids by value.</summary>
    private static int NewestFirst(SocialPost a, SocialPost b)
    {
        var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
        if (byTime != 0) return byTime;
        var byLength = b.PostId.Length.CompareTo(a.PostId.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(b.PostId, a.PostId);
    }

    internal DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
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
