using HotPapers.Domain;

namespace HotPapers.Ranking;

/// <summary>
/// The totals rule: a paper's R and F are the sums of the latest snapshot of every original post linking it
/// (a plain repost is never counted twice: its original's counts already include it), measured when the newest of
/// those snapshots was, in local wall-clock time. Posts without a snapshot (imported from an old digest) count nothing.
/// </summary>
public static class PaperTotals
{
    public static (int Reposts, int Likes, DateTime MeasuredAt) Of(IEnumerable<CandidatePost> posts, TimeZoneInfo localZone)
    {
        var counted = posts.Where(p => p.Counts is not null && p.Post.RepostOf is null).Select(p => p.Counts!).ToList();
        var measured = counted.Count == 0 ? DateTime.MinValue : TimeZoneInfo.ConvertTime(counted.Max(c => c.MeasuredAt), localZone).DateTime;
        return (counted.Sum(c => c.Reposts), counted.Sum(c => c.Likes), measured);
    }

    /// <summary>
    /// The window as the classic post sees it: only the posts of <paramref name="platforms"/>, and totals summed from
    /// those alone. Totals fixed for the window (printed by an imported post, measured by a daily run) stay as they are.
    /// </summary>
    public static DigestCandidates OnlyPlatforms(DigestCandidates candidates, IReadOnlyCollection<string> platforms, TimeZoneInfo localZone)
    {
        var papers = candidates.Papers.Select(paper =>
        {
            if (paper.Posts.All(p => platforms.Contains(p.Post.Platform))) return paper;
            var posts = paper.Posts.Where(p => platforms.Contains(p.Post.Platform)).ToList();
            if (paper.TotalsFixed) return paper with { Posts = posts };
            var (reposts, likes, measuredAt) = Of(posts, localZone);
            return paper with { Reposts = reposts, Likes = likes, MeasuredAt = measuredAt, Posts = posts };
        }).ToList();
        return candidates with { Papers = papers };
    }
}
