using HotPapers.Domain;

namespace HotPapers.Ranking;

/// <summary>Everything the store knows about one window, in crawl order, ready to rank.</summary>
public sealed record DigestCandidates(DigestWindow Window, DateTime? GeneratedAt, IReadOnlyList<CandidatePaper> Papers);

/// <summary>
/// A paper with its totals: R (reposts) and F (likes) and the local wall-clock time they were measured at.
/// Posts are listed in the order they were found. <see cref="TotalsFixed"/> says the totals were fixed for this
/// window (printed by an imported post, or measured by a daily run) rather than summed from the latest snapshots.
/// </summary>
public sealed record CandidatePaper(Paper Paper, int Reposts, int Likes, DateTime MeasuredAt, IReadOnlyList<CandidatePost> Posts, bool TotalsFixed = false)
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

public sealed record RankedDigest(DigestWindow Window, DateTime GeneratedAt, IReadOnlyList<RankedPaper> Papers);
