using System.Data.Common;
using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Store;

/// <summary>A post linking a paper with every engagement snapshot taken of it, oldest first.</summary>
public sealed record LinkedPost(SocialPost Post, IReadOnlyList<EngagementSnapshot> Snapshots, int? EmbedOrder)
{
    public EngagementSnapshot? Latest => Snapshots.Count == 0 ? null : Snapshots[^1];
}

/// <summary>Reads of social posts, the papers they link, their cached embeds and engagement snapshots.</summary>
/// <summary>A post's cached embed HTML and where it came from: <c>oembed</c> (the platform's answer) or <c>import</c>.</summary>
public sealed record CachedEmbed(string Html, string Source);

public sealed class PostStore
{
    private const int ImportAttempts = 5;

    private const string PostColumns = "s.platform, s.post_id, s.author_handle, s.author_name, s.created_at, s.lang, s.dir, s.text, s.entities, s.repost_of";

    private readonly HotPapersStore _store;
    private readonly StoreSql _sql;

    internal PostStore(HotPapersStore store, StoreSql sql)
    {
        _store = store;
        _sql = sql;
    }

    /// <summary>A stored post as it is now (an embed fetcher may have completed its fields), with its cached embed HTML.</summary>
    public (SocialPost Post, string? EmbedHtml)? LoadPostWithEmbed(string platform, string postId) =>
        _sql.Rows($"SELECT {PostColumns}, e.html FROM social_posts s LEFT JOIN embeds e ON e.platform = s.platform AND e.post_id = s.post_id WHERE s.platform = @p AND s.post_id = @id",
            r => (ReadPost(r, 0), r.IsDBNull(10) ? null : r.GetString(10)), ("p", platform), ("id", postId)) is [var row] ? row : null;

    /// <summary>The cached embed of a post, if any, with where it came from (oEmbed, an import…).</summary>
    public CachedEmbed? LoadEmbed(string platform, string postId) =>
        _sql.Rows("SELECT html, source FROM embeds WHERE platform = @p AND post_id = @id",
            r => new CachedEmbed(r.GetString(0), r.GetString(1)), ("p", platform), ("id", postId)) is [var embed] ? embed : null;

    /// <summary>The cached embed HTML of a post, if any.</summary>
    public string? LoadEmbedHtml(string platform, string postId) => LoadEmbed(platform, postId)?.Html;

    /// <summary>
    /// Whether an importer may hand one transaction's posts to <see cref="PostWrites.Import"/> in pieces as they are
    /// read (SQLite: its statements run in process, so a piece costs nothing extra, and rows that are written soon
    /// after they are made never outlive the garbage collector's youngest generation). PostgreSQL copies each call's
    /// rows in one COPY and may retry a whole transaction, so it gets whole batches.
    /// </summary>
    internal bool ImportsInPieces => _store.BackendSeam.Kind == StoreBackend.Sqlite;

    /// <summary>
    /// Writes one batch of imported posts in one transaction (<see cref="PostWrites.Import"/>). Importers running at
    /// once against PostgreSQL can still collide (a deadlock or serialization failure aborts one of them); the
    /// aborted batch wrote nothing and is simply written again.
    /// </summary>
    public void Import(IReadOnlyList<SocialImportRow> rows)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _store.Write(tx => tx.Posts.Import(rows));
                return;
            }
            catch (Exception e) when (_store.BackendSeam.IsTransient(e) && attempt < ImportAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt)); // let the other writer finish its batch
            }
        }
    }

    /// <summary>
    /// Per paper listed or announced in the window, the latest scores (reposts + likes) of its posts on platforms
    /// other than <paramref name="platform"/>, summed; papers without any are absent. Read from the links a post
    /// records whether or not its paper is stored yet (the daily job fetches metadata after the sources), and from
    /// the imported links, each post counted once per paper.
    /// </summary>
    internal Dictionary<ArxivId, long> OtherPlatformsSignal(DigestWindow window, string platform)
    {
        var signal = new Dictionary<ArxivId, long>();
        foreach (var (paper, score) in _sql.Rows("""
            WITH window_papers AS (
                SELECT arxiv_id FROM listed_papers WHERE listing_date >= @start AND listing_date <= @end
                UNION SELECT arxiv_id FROM announcements WHERE listing_date >= @start AND listing_date <= @end)
            SELECT l.arxiv_id, snap.reposts, snap.likes
            FROM (SELECT arxiv_id, platform, post_id FROM post_arxiv_links WHERE platform <> @platform AND arxiv_id IN (SELECT arxiv_id FROM window_papers)
                  UNION
                  SELECT arxiv_id, platform, post_id FROM paper_posts WHERE platform <> @platform AND arxiv_id IN (SELECT arxiv_id FROM window_papers)) l
            JOIN social_posts s ON s.platform = l.platform AND s.post_id = l.post_id
            JOIN engagement_snapshots snap ON snap.platform = s.platform AND snap.post_id = s.post_id
                AND snap.measured_at = (SELECT MAX(m.measured_at) FROM engagement_snapshots m WHERE m.platform = s.platform AND m.post_id = s.post_id)
            """, r => (r.GetString(0), (long)r.GetInt32(1) + r.GetInt32(2)),
            ("platform", platform), ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End))))
        {
            if (score <= 0 || !ArxivId.TryParse(paper, out var id)) continue;
            signal[id] = signal.GetValueOrDefault(id) + score;
        }
        return signal;
    }

    /// <summary>Posts per paper announced in a window, newest first (the order a search returns them in), with latest counts and embeds.</summary>
    internal Dictionary<string, List<CandidatePost>> LoadForWindow(DigestWindow window)
    {
        var posts = new Dictionary<string, List<CandidatePost>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, string)>();
        foreach (var (paper, candidate) in _sql.Rows($"""
            SELECT pp.arxiv_id, {PostColumns}, pp.embed_order, e.html, snap.reposts, snap.likes, snap.measured_at
            FROM announcements a
            JOIN paper_posts pp ON pp.arxiv_id = a.arxiv_id
            JOIN social_posts s ON s.platform = pp.platform AND s.post_id = pp.post_id
            LEFT JOIN embeds e ON e.platform = s.platform AND e.post_id = s.post_id
            LEFT JOIN engagement_snapshots snap ON snap.platform = s.platform AND snap.post_id = s.post_id
                AND snap.measured_at = (SELECT MAX(m.measured_at) FROM engagement_snapshots m WHERE m.platform = s.platform AND m.post_id = s.post_id)
            WHERE a.listing_date >= @start AND a.listing_date <= @end
            """, r =>
            {
                var post = ReadPost(r, 1);
                var counts = r.IsDBNull(13) ? null
                    : new EngagementSnapshot(post.Platform, post.PostId, r.GetInt32(13), r.GetInt32(14), StoreTime.ParseUtc(r.GetString(15)));
                return (r.GetString(0), new CandidatePost(post, counts, r.IsDBNull(11) ? null : r.GetInt32(11), r.IsDBNull(12) ? null : r.GetString(12)));
            }, ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End))))
        {
            if (!seen.Add((paper, candidate.Post.Platform, candidate.Post.PostId))) continue; // a paper announced twice in a range
            if (!posts.TryGetValue(paper, out var list)) posts[paper] = list = [];
            list.Add(candidate);
        }
        // Sorted here, not in SQL, so that text collation (which differs between databases) plays no part.
        foreach (var list in posts.Values)
            list.Sort(static (a, b) => NewestFirst(a.Post, b.Post));
        return posts;
    }

    /// <summary>Posts per paper id with all their snapshots; pass <paramref name="only"/> to read one paper.</summary>
    internal Dictionary<string, List<LinkedPost>> LoadLinked(ArxivId? only)
    {
        (string, object?)[] id = only is { } one ? [("id", one.Value)] : [];
        var snapshots = new Dictionary<(string, string), List<EngagementSnapshot>>();
        // One paper's snapshots through its links (the primary keys of both tables), not a scan of every snapshot.
        foreach (var snapshot in _sql.Rows("SELECT snap.platform, snap.post_id, snap.reposts, snap.likes, snap.measured_at FROM engagement_snapshots snap"
            + (only is null ? "" : " JOIN paper_posts pp ON pp.platform = snap.platform AND pp.post_id = snap.post_id WHERE pp.arxiv_id = @id")
            + " ORDER BY snap.platform, snap.post_id, snap.measured_at",
            r => new EngagementSnapshot(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), StoreTime.ParseUtc(r.GetString(4))), id))
        {
            var key = (snapshot.Platform, snapshot.PostId);
            if (!snapshots.TryGetValue(key, out var list)) snapshots[key] = list = [];
            list.Add(snapshot);
        }

        var posts = new Dictionary<string, List<LinkedPost>>(StringComparer.Ordinal);
        foreach (var (paper, post, embedOrder) in _sql.Rows($"""
            SELECT pp.arxiv_id, {PostColumns}, pp.embed_order
            FROM paper_posts pp JOIN social_posts s ON s.platform = pp.platform AND s.post_id = pp.post_id
            """ + (only is null ? "" : " WHERE pp.arxiv_id = @id") + " ORDER BY pp.arxiv_id, s.created_at DESC, s.post_id DESC",
            r => (r.GetString(0), ReadPost(r, 1), r.IsDBNull(11) ? (int?)null : r.GetInt32(11)), id))
        {
            var history = snapshots.TryGetValue((post.Platform, post.PostId), out var list) ? list : [];
            if (!posts.TryGetValue(paper, out var paperPosts)) posts[paper] = paperPosts = [];
            paperPosts.Add(new LinkedPost(post, history, embedOrder));
        }
        return posts;
    }

    /// <summary>A post from the ten columns of <see cref="PostColumns"/>, starting at <paramref name="first"/>.</summary>
    internal static SocialPost ReadPost(DbDataReader r, int first) =>
        new(r.GetString(first), r.GetString(first + 1), r.GetString(first + 2), r.GetString(first + 3), StoreTime.ParseUtc(r.GetString(first + 4)),
            r.GetString(first + 5), r.GetString(first + 6), r.GetString(first + 7), StoreJsonReader.Entities(r.GetString(first + 8)),
            r.IsDBNull(first + 9) ? null : r.GetString(first + 9));

    /// <summary>Newest first; equal times by id, larger (later) first, comparing numeric ids by value.</summary>
    private static int NewestFirst(SocialPost a, SocialPost b)
    {
        var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
        if (byTime != 0) return byTime;
        var byLength = b.PostId.Length.CompareTo(a.PostId.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(b.PostId, a.PostId);
    }
}
