using System.Diagnostics;
using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>
/// Where the store's change log stood: <see cref="Next"/> is the first revision a later write can carry, so a reader
/// that has seen the store at this position asks for the changes since it next time. <see cref="StoreId"/> names the
/// store (a position means nothing in another store's log).
/// </summary>
public sealed record StorePosition(string StoreId, long Next);

/// <summary>
/// What changed since a position, as the site sees it: papers (their row, listings, linked posts and their counts and
/// embeds, fixed totals), windows by key (a digest, what it printed, totals fixed for it, and the windows that show a
/// changed paper), and listing dates (whose windows gained or lost a paper).
/// </summary>
public sealed record StoreChanges(IReadOnlySet<string> Papers, IReadOnlySet<string> WindowKeys, IReadOnlySet<DateOnly> Dates);

/// <summary>
/// Reads the change log the triggers of <see cref="ChangeLogSchema"/> keep: which papers, posts, windows and listing
/// dates a write touched, in revision order. The incremental site build asks it what changed since its last build
/// instead of reading (and hashing) everything it is built from.
/// </summary>
public sealed class ChangeLog
{
    private readonly StoreSql _sql;
    private readonly StoreBackend _backend;

    internal ChangeLog(StoreSql sql, StoreBackend backend)
    {
        _sql = sql;
        _backend = backend;
    }

    /// <summary>
    /// The position to record before reading the data a build is made from: every write with a smaller revision
    /// is committed and visible to the reads that follow, every later one carries this revision or a larger one.
    /// On SQLite writers take turns, so that is the largest revision plus one. On PostgreSQL revisions are
    /// transaction ids and a transaction that started earlier may commit later: the position waits (up to
    /// <paramref name="wait"/>) for transactions with smaller ids to end, and otherwise settles for the oldest one
    /// still running, so a write is at worst read twice, never missed.
    /// </summary>
    public StorePosition Position(TimeSpan? wait = null)
    {
        var id = (string)_sql.Scalar("SELECT id FROM store_identity")!;
        var next = Convert.ToInt64(_sql.Scalar("SELECT COALESCE(MAX(rev), 0) + 1 FROM site_changes"), CultureInfo.InvariantCulture);
        if (_backend != StoreBackend.Postgres) return new StorePosition(id, next);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var oldestRunning = Convert.ToInt64(_sql.Scalar("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"), CultureInfo.InvariantCulture);
            if (oldestRunning >= next) return new StorePosition(id, next);
            if (watch.Elapsed >= (wait ?? TimeSpan.FromSeconds(5))) return new StorePosition(id, oldestRunning);
            Thread.Sleep(10);
        }
    }

    /// <summary>The papers, windows and listing dates changed by writes at or after <paramref name="since"/>.</summary>
    public StoreChanges Since(long since)
    {
        var papers = new HashSet<string>(StringComparer.Ordinal);
        var windows = new HashSet<string>(StringComparer.Ordinal);
        var dates = new HashSet<DateOnly>();
        // A changed post changes the papers it is linked to and the windows that print it; a changed paper changes
        // the windows that list it, print it or fix its totals.
        foreach (var (kind, key) in _sql.Rows($"""
            WITH changed AS (
                SELECT key1 AS arxiv_id FROM site_changes WHERE rev >= @since AND kind = '{ChangeLogSchema.Paper}'
                UNION
                SELECT l.arxiv_id FROM site_changes c JOIN paper_posts l ON l.platform = c.key1 AND l.post_id = c.key2
                WHERE c.rev >= @since AND c.kind = '{ChangeLogSchema.Post}'
            )
            SELECT '{ChangeLogSchema.Paper}', arxiv_id FROM changed
            UNION SELECT '{ChangeLogSchema.Date}', listing_date FROM announcements WHERE arxiv_id IN (SELECT arxiv_id FROM changed)
            UNION SELECT '{ChangeLogSchema.Window}', window_key FROM printed_papers WHERE arxiv_id IN (SELECT arxiv_id FROM changed)
            UNION SELECT '{ChangeLogSchema.Window}', window_key FROM reported_totals WHERE arxiv_id IN (SELECT arxiv_id FROM changed)
            UNION SELECT '{ChangeLogSchema.Window}', window_key FROM printed_embeds WHERE (platform, post_id) IN
                (SELECT key1, key2 FROM site_changes WHERE rev >= @since AND kind = '{ChangeLogSchema.Post}')
            UNION SELECT kind, key1 FROM site_changes WHERE rev >= @since AND kind IN ('{ChangeLogSchema.Window}', '{ChangeLogSchema.Date}')
            """, r => (r.GetString(0), r.GetString(1)), ("since", since)))
        {
            switch (kind)
            {
                case ChangeLogSchema.Paper: papers.Add(key); break;
                case ChangeLogSchema.Window: windows.Add(key); break;
                case ChangeLogSchema.Date when DigestWindow.TryParseDate(key, out var date): dates.Add(date); break;
            }
        }
        return new StoreChanges(papers, windows, dates);
    }

    /// <summary>
    /// Drops the rows a later row of the same key makes redundant: a reader asking "what changed since R" gets the
    /// same answer for every R, so this is safe while others read. Returns the rows removed.
    /// </summary>
    public int Compact() =>
        _sql.RunCount("DELETE FROM site_changes WHERE rev NOT IN (SELECT MAX(rev) FROM site_changes GROUP BY kind, key1, key2)");
}
