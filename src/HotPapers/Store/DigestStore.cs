using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Store;

/// <summary>Paper totals fixed for a window: printed by a published (imported) digest, or measured by a daily run.</summary>
public sealed record ReportedTotals(string WindowKey, int Reposts, int Likes, DateTime MeasuredAtLocal)
{
    public int Score => Reposts + Likes;
}

/// <summary>Everything the store knows about a paper's reception: its posts with their history, and fixed totals.</summary>
public sealed record PaperActivity(IReadOnlyList<LinkedPost> Posts, IReadOnlyList<ReportedTotals> Reported)
{
    public static readonly PaperActivity None = new([], []);
}

/// <summary>Reads of digests, the totals fixed for each window, and the steps of daily runs.</summary>
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

    /// <summary>The papers of a window whose totals come from a published digest rather than from post snapshots.</summary>
    public IReadOnlySet<string> LoadReportedPaperIds(DigestWindow window) =>
        _sql.Rows("SELECT arxiv_id FROM reported_totals WHERE window_key = @w", r => r.GetString(0), ("w", window.DateStr)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The totals fixed for a window, by paper id.</summary>
    internal Dictionary<string, FixedTotals> LoadFixedTotals(DigestWindow window) =>
        _sql.Rows("SELECT arxiv_id, reposts, likes, measured_at FROM reported_totals WHERE window_key = @w",
                r => (r.GetString(0), new FixedTotals(r.GetInt32(1), r.GetInt32(2), StoreTime.ParseLocal(r.GetString(3)))), ("w", window.DateStr))
            .ToDictionary(t => t.Item1, t => t.Item2, StringComparer.Ordinal);

    /// <summary>Every window's fixed totals per paper id; pass <paramref name="only"/> to read one paper.</summary>
    internal Dictionary<string, List<ReportedTotals>> LoadFixedTotalsByPaper(ArxivId? only)
    {
        (string, object?)[] id = only is { } one ? [("id", one.Value)] : [];
        var reported = new Dictionary<string, List<ReportedTotals>>(StringComparer.Ordinal);
        foreach (var (paper, totals) in _sql.Rows("SELECT arxiv_id, window_key, reposts, likes, measured_at FROM reported_totals"
            + (only is null ? "" : " WHERE arxiv_id = @id") + " ORDER BY arxiv_id, window_key",
            r => (r.GetString(0), new ReportedTotals(r.GetString(1), r.GetInt32(2), r.GetInt32(3), StoreTime.ParseLocal(r.GetString(4)))), id))
        {
            if (!reported.TryGetValue(paper, out var list)) reported[paper] = list = [];
            list.Add(totals);
        }
        return reported;
    }
}

/// <summary>Writes of digests, the totals fixed for a window, and daily-run steps.</summary>
public sealed class DigestWrites
{
    private readonly StoreSql _sql;

    internal DigestWrites(StoreSql sql) => _sql = sql;

    public void Upsert(DigestWindow window, DateTime generatedAtLocal, string source)
    {
        _sql.Run("""
            INSERT INTO digests (window_key, window_start, window_end, generated_at, source) VALUES (@window, @start, @end, @at, @source)
            ON CONFLICT (window_key) DO UPDATE SET generated_at = excluded.generated_at, source = excluded.source
            """,
            ("window", window.DateStr), ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End)),
            ("at", StoreTime.Local(generatedAtLocal)), ("source", source));
    }

    /// <summary>Fixes a paper's totals for a window (as an imported digest printed them, or as a daily run measured them).</summary>
    public void SetTotals(DigestWindow window, ArxivId paper, int reposts, int likes, DateTime measuredAtLocal)
    {
        _sql.Run("""
            INSERT INTO reported_totals (window_key, arxiv_id, reposts, likes, measured_at) VALUES (@window, @paper, @reposts, @likes, @at)
            ON CONFLICT (window_key, arxiv_id) DO UPDATE SET reposts = excluded.reposts, likes = excluded.likes, measured_at = excluded.measured_at
            """,
            ("window", window.DateStr), ("paper", paper.Value), ("reposts", reposts), ("likes", likes), ("at", StoreTime.Local(measuredAtLocal)));
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
