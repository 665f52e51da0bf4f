using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Store;

/// <summary>Paper totals fixed for a window: printed by a published (imported) digest, or measured by a daily run.</summary>
public sealed record ReportedTotals(string WindowKey, int Reposts, int Likes, DateTime MeasuredAtLocal, TotalsSource Source = TotalsSource.ImportedPost)
{
    public int Score => Reposts + Likes;
}

/// <summary>Everything the store knows about a paper's reception: its posts with their history, and fixed totals.</summary>
public sealed record PaperActivity(IReadOnlyList<LinkedPost> Posts, IReadOnlyList<ReportedTotals> Reported)
{
    public static readonly PaperActivity None = new([], []);
}

/// <summary>A paper as an imported post printed it in one window: its place, its metadata then, and the embeds it showed.</summary>
public sealed record PrintedPaper(int Rank, Paper Paper, IReadOnlyList<PrintedEmbed> Embeds);

/// <summary>One embed as printed: the post it shows and its exact HTML.</summary>
public sealed record PrintedEmbed(string Platform, string PostId, string Html);

/// <summary>Reads of digests, what imported posts printed, the totals fixed for each window, and the steps of daily runs.</summary>
public sealed class DigestStore
{
    private readonly StoreSql _sql;

    internal DigestStore(StoreSql sql) => _sql = sql;

    /// <summary>The steps of a daily run already done for a window, with what each said when it finished.</summary>
    public IReadOnlyDictionary<string, string> CompletedSteps(DigestWindow window) =>
        _sql.Rows("SELECT step, summary FROM run_steps WHERE window_key = @w", r => (r.GetString(0), r.GetString(1)), ("w", window.DateStr))
            .ToDictionary(s => s.Item1, s => s.Item2, StringComparer.Ordinal);

    /// <summary>When the stored digest of this window was generated, if one was imported or written.</summary>
    public DateTime? LoadGeneratedAt(DigestWindow window) =>
        _sql.Scalar("SELECT generated_at FROM digests WHERE window_key = @w", ("w", window.DateStr)) is string s ? StoreTime.ParseLocal(s) : null;

    /// <summary>The keys (date_str) of the windows with a stored digest; the others print the clock as their generation time.</summary>
    public IReadOnlySet<string> LoadDigestKeys() =>
        _sql.Rows("SELECT window_key FROM digests", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The windows the site has a page for, newest first: every listing date with announcements, and every
    /// stored digest of a range (a single-day digest is already one of the listing dates).
    /// </summary>
    public IReadOnlyList<DigestWindow> LoadWindows()
    {
        var windows = new HashSet<DigestWindow>();
        windows.UnionWith(_sql.Rows("SELECT DISTINCT listing_date FROM announcements", r => DigestWindow.Day(StoreSql.ParseDate(r.GetString(0)))));
        windows.UnionWith(_sql.Rows("SELECT window_start, window_end FROM digests",
            r => new DigestWindow(StoreSql.ParseDate(r.GetString(0)), StoreSql.ParseDate(r.GetString(1)))));
        return windows.OrderByDescending(w => w.End).ThenByDescending(w => w.Start).ToList();
    }

    /// <summary>
    /// The papers of a window whose totals a published (imported) post printed: only those totals are known, not
    /// how much each post counted. Totals a daily run measured are not among them.
    /// </summary>
    public IReadOnlySet<string> LoadPrintedPaperIds(DigestWindow window) =>
        _sql.Rows("SELECT arxiv_id FROM reported_totals WHERE window_key = @w AND source = 'import'", r => r.GetString(0), ("w", window.DateStr))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The spacing the window's imported post was printed with, or null for the classic layout.</summary>
    internal PostLayout? LoadLayout(DigestWindow window) =>
        _sql.Scalar("SELECT layout FROM digests WHERE window_key = @w", ("w", window.DateStr)) is string key ? PostLayout.FromKey(key) : null;

    /// <summary>
    /// What an imported post printed for a window, in rank order, each paper with its embeds (as candidate posts
    /// carrying the printed HTML, in the order shown); empty when no imported post printed this window.
    /// </summary>
    internal List<(int Rank, Paper Paper, List<CandidatePost> Embeds)> LoadPrinted(DigestWindow window)
    {
        var embeds = new Dictionary<int, List<CandidatePost>>();
        foreach (var (rank, embed) in _sql.Rows("""
            SELECT e.rank, s.platform, s.post_id, s.author_handle, s.author_name, s.created_at, s.lang, s.dir, s.text, s.entities, s.repost_of,
                   e.position, e.html
            FROM printed_embeds e JOIN social_posts s ON s.platform = e.platform AND s.post_id = e.post_id
            WHERE e.window_key = @w ORDER BY e.rank, e.position
            """, r => (r.GetInt32(0), new CandidatePost(PostStore.ReadPost(r, 1), null, r.GetInt32(11), r.GetString(12))), ("w", window.DateStr)))
        {
            if (!embeds.TryGetValue(rank, out var list)) embeds[rank] = list = [];
            list.Add(embed);
        }
        return _sql.Rows("""
            SELECT rank, arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url FROM printed_papers WHERE window_key = @w ORDER BY rank
            """, r => (r.GetInt32(0), new Paper(ArxivId.Parse(r.GetString(1)), r.GetString(2), StoreJsonReader.Strings(r.GetString(3)),
                StoreJsonReader.Subjects(r.GetString(4)), r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), window.Start, 0),
                embeds.TryGetValue(r.GetInt32(0), out var list) ? list : []), ("w", window.DateStr));
    }

    /// <summary>The totals fixed for a window, by paper id.</summary>
    internal Dictionary<string, FixedTotals> LoadFixedTotals(DigestWindow window) =>
        _sql.Rows("SELECT arxiv_id, reposts, likes, measured_at, source FROM reported_totals WHERE window_key = @w",
                r => (r.GetString(0), new FixedTotals(r.GetInt32(1), r.GetInt32(2), StoreTime.ParseLocal(r.GetString(3)), ReadSource(r.GetString(4)))),
                ("w", window.DateStr))
            .ToDictionary(t => t.Item1, t => t.Item2, StringComparer.Ordinal);

    internal static TotalsSource ReadSource(string stored) => stored == DigestWrites.DailySource ? TotalsSource.DailyMeasurement : TotalsSource.ImportedPost;

    /// <summary>Every window's fixed totals per paper id; pass <paramref name="only"/> to read one paper.</summary>
    internal Dictionary<string, List<ReportedTotals>> LoadFixedTotalsByPaper(ArxivId? only)
    {
        (string, object?)[] id = only is { } one ? [("id", one.Value)] : [];
        var reported = new Dictionary<string, List<ReportedTotals>>(StringComparer.Ordinal);
        foreach (var (paper, totals) in _sql.Rows("SELECT arxiv_id, window_key, reposts, likes, measured_at, source FROM reported_totals"
            + (only is null ? "" : " WHERE arxiv_id = @id") + " ORDER BY arxiv_id, window_key",
            r => (r.GetString(0), new ReportedTotals(r.GetString(1), r.GetInt32(2), r.GetInt32(3), StoreTime.ParseLocal(r.GetString(4)), ReadSource(r.GetString(5)))), id))
        {
            if (!reported.TryGetValue(paper, out var list)) reported[paper] = list = [];
            list.Add(totals);
        }
        return reported;
    }
}

/// <summary>Writes of digests, what imported posts printed, the totals fixed for a window, and daily-run steps.</summary>
public sealed class DigestWrites
{
    internal const string ImportSource = "import";
    internal const string DailySource = "daily";

    private readonly StoreSql _sql;

    internal DigestWrites(StoreSql sql) => _sql = sql;

    /// <param name="layout">The spacing of an imported post; null (the classic layout) for everything else.</param>
    public void Upsert(DigestWindow window, DateTime generatedAtLocal, string source, PostLayout? layout = null)
    {
        _sql.Run("""
            INSERT INTO digests (window_key, window_start, window_end, generated_at, source, layout) VALUES (@window, @start, @end, @at, @source, @layout)
            ON CONFLICT (window_key) DO UPDATE SET generated_at = excluded.generated_at, source = excluded.source, layout = excluded.layout
            """,
            ("window", window.DateStr), ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End)),
            ("at", StoreTime.Local(generatedAtLocal)), ("source", source), ("layout", layout is null || layout == PostLayout.Classic ? null : layout.Key));
    }

    /// <summary>
    /// Keeps what an imported post printed for its window, replacing what an earlier import of the same window
    /// kept. The papers and posts it names must be stored already.
    /// </summary>
    public void Print(DigestWindow window, IReadOnlyList<PrintedPaper> papers)
    {
        _sql.Run("DELETE FROM printed_embeds WHERE window_key = @w", ("w", window.DateStr));
        _sql.Run("DELETE FROM printed_papers WHERE window_key = @w", ("w", window.DateStr));
        _sql.Run("DELETE FROM reported_totals WHERE window_key = @w AND source = 'import'", ("w", window.DateStr));
        foreach (var printed in papers)
        {
            var paper = printed.Paper;
            _sql.Hot("""
                INSERT INTO printed_papers (window_key, rank, arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url)
                VALUES (@w, @rank, @id, @title, @authors, @subjects, @abstract, @abs, @pdf)
                """,
                ("w", window.DateStr), ("rank", printed.Rank), ("id", paper.Id.Value), ("title", paper.Title), ("authors", StoreJson.Write(paper.Authors)),
                ("subjects", StoreJson.Subjects(paper.Subjects)), ("abstract", paper.Abstract), ("abs", paper.AbsUrl), ("pdf", paper.PdfUrl));
            for (var i = 0; i < printed.Embeds.Count; i++)
            {
                var embed = printed.Embeds[i];
                _sql.Hot("""
                    INSERT INTO printed_embeds (window_key, rank, position, platform, post_id, html) VALUES (@w, @rank, @position, @platform, @id, @html)
                    """,
                    ("w", window.DateStr), ("rank", printed.Rank), ("position", i + 1), ("platform", embed.Platform), ("id", embed.PostId), ("html", embed.Html));
            }
        }
    }

    /// <summary>
    /// Fixes a paper's totals for a window: as a daily run measured them (the default), or as an imported post
    /// printed them.
    /// </summary>
    public void SetTotals(DigestWindow window, ArxivId paper, int reposts, int likes, DateTime measuredAtLocal,
        TotalsSource source = TotalsSource.DailyMeasurement)
    {
        _sql.Hot("""
            INSERT INTO reported_totals (window_key, arxiv_id, reposts, likes, measured_at, source) VALUES (@window, @paper, @reposts, @likes, @at, @source)
            ON CONFLICT (window_key, arxiv_id) DO UPDATE SET reposts = excluded.reposts, likes = excluded.likes, measured_at = excluded.measured_at,
                source = excluded.source
            """,
            ("window", window.DateStr), ("paper", paper.Value), ("reposts", reposts), ("likes", likes), ("at", StoreTime.Local(measuredAtLocal)),
            ("source", source == TotalsSource.ImportedPost ? ImportSource : DailySource));
    }

    /// <summary>Marks a daily-run step done for a window, in the same transaction as the step's last writes.</summary>
    public void CompleteStep(DigestWindow window, string step, DateTimeOffset at, string summary)
    {
        _sql.Run("""
            INSERT INTO run_steps (window_key, step, completed_at, summary) VALUES (@window, @step, @at, @summary)
            ON CONFLICT (window_key, step) DO UPDATE SET completed_at = excluded.completed_at, summary = excluded.summary
            """,
            ("window", window.DateStr), ("step", step), ("at", StoreTime.Utc(at)), ("summary", summary));
    }
}
