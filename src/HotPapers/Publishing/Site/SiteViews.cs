using HotPapers.Domain;
using HotPapers.Ranking;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A day as the site shows it: the classic ranking (the Markdown post's order) and which papers' totals were
/// printed by an imported post, where the per-post counts behind them are unknown.
/// </summary>
public sealed record DayView(RankedDigest Digest, IReadOnlySet<string> ReportedPaperIds, DateTimeOffset GeneratedAt)
{
    /// <summary>The day before and after in the archive (null at either end), for the day page's own navigation.</summary>
    public DigestWindow? Older { get; init; }

    public DigestWindow? Newer { get; init; }

    /// <summary>
    /// When the day last changed, for the feed: a stored digest's generation time, otherwise the newest
    /// measurement behind its papers (not the clock, so a rebuild with nothing new keeps the feed's timestamps).
    /// </summary>
    public DateTimeOffset Updated { get; init; }

    public DigestWindow Window => Digest.Window;

    public bool IsReported(RankedPaper paper) => ReportedPaperIds.Contains(paper.Candidate.Paper.Id.Value);

    public DaySummary Summary() => new(Window, Updated, Digest.Papers
        .Select(p => new DaySummaryPaper(p.Rank, p.Candidate.Paper.Id, p.Candidate.Paper.Title, p.Candidate.Reposts, p.Candidate.Likes))
        .ToList());
}

/// <summary>What the index, the archive and the feed need of a day: its ranked papers without their posts, and when it last changed.</summary>
public sealed record DaySummary(DigestWindow Window, DateTimeOffset Updated, IReadOnlyList<DaySummaryPaper> Papers)
{
    public int TopScore => Papers.Count == 0 ? 0 : Papers.Max(p => p.Reposts + p.Likes);
}

public sealed record DaySummaryPaper(int Rank, ArxivId Id, string Title, int Reposts, int Likes);

/// <summary>A paper's page: metadata, listing dates, and every post and count the store holds for it.</summary>
public sealed record PaperView(ListedPaper Listed, PaperActivity Activity, IReadOnlyList<HistoryPoint> History)
{
    public Paper Paper => Listed.Paper;

    /// <summary>When the paper was first announced (its oldest listing date), or null for a paper never listed.</summary>
    public DateTimeOffset? AnnouncedAt => Listed.ListingDates.Count == 0 ? null : EngagementHistory.AnnouncedAt(Listed.ListingDates[^1]);
}

/// <summary>
/// One point of a paper's engagement history: the sums over its original posts at a snapshot time
/// (<see cref="WindowKey"/> null), or the totals a published digest printed for a window.
/// </summary>
public sealed record HistoryPoint(DateTimeOffset At, int Reposts, int Likes, string? WindowKey)
{
    public int Score => Reposts + Likes;

    public bool IsReported => WindowKey is not null;
}

/// <summary>
/// A page of a listing, newest first: which page this is of how many in reading order (1 is the first page). The
/// pages after the first are numbered from the oldest (<see cref="Number"/>), so a page keeps its URL and its items
/// while newer items arrive: those land on the first page, which holds between one and two pages' worth.
/// </summary>
public sealed record Paging(int Page, int PageCount)
{
    /// <summary>The number in the page's file name: 0 for the first page, then <see cref="PageCount"/> − 1 down to 1 for the oldest.</summary>
    public int Number => Page == 1 ? 0 : PageCount + 1 - Page;

    /// <summary>The pages of <paramref name="count"/> items, <paramref name="size"/> a page: each older page holds exactly <paramref name="size"/>.</summary>
    public static int Pages(int count, int size) => Math.Max(1, count / size);

    /// <summary>The items of page <paramref name="page"/> (in reading order) as a range of the newest-first list.</summary>
    public static Range Items(int count, int size, int page)
    {
        var first = count - (Pages(count, size) - 1) * size; // the first page's share
        return page == 1 ? 0..first : (first + (page - 2) * size)..(first + (page - 1) * size);
    }
}
