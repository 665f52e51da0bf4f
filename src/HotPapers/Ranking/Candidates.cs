using HotPapers.Domain;

namespace HotPapers.Ranking;

/// <summary>
/// Everything the store knows about one window, in crawl order, ready to rank. A window an imported post printed
/// holds exactly the papers it printed (each with its <see cref="CandidatePaper.PrintedRank"/>) and the
/// <see cref="Layout"/> it was printed in.
/// </summary>
public sealed record DigestCandidates(DigestWindow Window, DateTime? GeneratedAt, IReadOnlyList<CandidatePaper> Papers, PostLayout? Layout = null);

/// <summary>
/// A paper with its totals: R (reposts) and F (likes) and the local wall-clock time they were measured at.
/// Posts are listed in the order they were found. <see cref="TotalsFixed"/> says the totals were fixed for this
/// window (printed by an imported post, or measured by a daily run) rather than summed from the latest snapshots;
/// <see cref="Source"/> says which. A paper an imported post printed has its <see cref="PrintedRank"/>, the
/// metadata it printed and, as <see cref="Posts"/>, the embeds it showed in order (repeats included).
/// </summary>
public sealed record CandidatePaper(Paper Paper, int Reposts, int Likes, DateTime MeasuredAt, IReadOnlyList<CandidatePost> Posts, bool TotalsFixed = false,
    TotalsSource Source = TotalsSource.LiveSnapshots, int? PrintedRank = null)
{
    public int Score => Reposts + Likes;
}

/// <summary>
/// A post linking a paper. <see cref="Counts"/> is its latest engagement snapshot, or null for a post imported
/// from an old digest (which printed paper totals only); such posts carry the <see cref="EmbedOrder"/> they had there.
/// <see cref="StoredHtml"/> is the cached oEmbed HTML, if any.
/// </summary>
public sealed record CandidatePost(SocialPost Post, EngagementSnapshot? Counts, int? EmbedOrder, string? StoredHtml);

public sealed record RankedPaper(int Rank, CandidatePaper Candidate, IReadOnlyList<ShownPost> Posts);

/// <summary>A post as it will be shown, with the exact embed HTML chosen for it.</summary>
public sealed record ShownPost(CandidatePost Candidate, string EmbedHtml);

public sealed record RankedDigest(DigestWindow Window, DateTime GeneratedAt, IReadOnlyList<RankedPaper> Papers, PostLayout? Layout = null);

/// <summary>Where a paper's totals for a window came from.</summary>
public enum TotalsSource
{
    /// <summary>Summed from each post's latest snapshot when read (they may still change).</summary>
    LiveSnapshots,

    /// <summary>Printed by a published post that was imported.</summary>
    ImportedPost,

    /// <summary>Measured and fixed by a daily run.</summary>
    DailyMeasurement,
}
