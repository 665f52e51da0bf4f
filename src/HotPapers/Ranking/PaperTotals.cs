using HotPapers.Domain;

namespace HotPapers.Ranking;

/// <summary>Totals fixed for a paper in a window: printed by an imported digest or measured by a daily run.</summary>
public sealed record FixedTotals(int Reposts, int Likes, DateTime MeasuredAtLocal, TotalsSource Source = TotalsSource.DailyMeasurement);

/// <summary>
/// The totals rule, over rows already read: totals fixed for the window win; otherwise a paper's totals are the
/// sums of the latest snapshot of every original post (reposts are never counted twice), measured when the newest
/// of those was.
/// </summary>
public static class PaperTotals
{
    /// <summary>Reposts, likes and when (local wall clock) from each original post's latest counts.</summary>
    public static (int Reposts, int Likes, DateTime MeasuredAt) Sum(IEnumerable<CandidatePost> posts, TimeZoneInfo localZone)
    {
        var counted = posts.Where(p => p.Counts is not null && p.Post.RepostOf is null).Select(p => p.Counts!).ToList();
        var measured = counted.Count == 0 ? DateTime.MinValue : TimeZoneInfo.ConvertTime(counted.Max(c => c.MeasuredAt), localZone).DateTime;
        return (counted.Sum(c => c.Reposts), counted.Sum(c => c.Likes), measured);
    }

    /// <summary>The candidates of a window: each paper (in the order given) with its posts and its totals by the rule above.</summary>
    public static DigestCandidates Candidates(DigestWindow window, DateTime? generatedAt, IReadOnlyList<Paper> papers,
        IReadOnlyDictionary<string, List<CandidatePost>> posts, IReadOnlyDictionary<string, FixedTotals> fixedTotals, TimeZoneInfo localZone)
    {
        var candidates = new List<CandidatePaper>(papers.Count);
        foreach (var paper in papers)
        {
            IReadOnlyList<CandidatePost> paperPosts = posts.TryGetValue(paper.Id.Value, out var list) ? list : [];
            if (fixedTotals.TryGetValue(paper.Id.Value, out var totals))
            {
                candidates.Add(new CandidatePaper(paper, totals.Reposts, totals.Likes, totals.MeasuredAtLocal, paperPosts, TotalsFixed: true, totals.Source));
                continue;
            }
            var (reposts, likes, measuredAt) = Sum(paperPosts, localZone);
            candidates.Add(new CandidatePaper(paper, reposts, likes, measuredAt, paperPosts));
        }
        return new DigestCandidates(window, generatedAt, candidates);
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
            var (reposts, likes, measuredAt) = Sum(posts, localZone);
            return paper with { Reposts = reposts, Likes = likes, MeasuredAt = measuredAt, Posts = posts };
        }).ToList();
        return candidates with { Papers = papers };
    }

    /// <summary>
    /// The candidates of a window an imported post printed: its papers as printed, in its order, each with the
    /// totals it printed and the embeds it showed.
    /// </summary>
    public static DigestCandidates Printed(DigestWindow window, DateTime? generatedAt, IReadOnlyList<(int Rank, Paper Paper, List<CandidatePost> Embeds)> printed,
        IReadOnlyDictionary<string, FixedTotals> fixedTotals, PostLayout? layout)
    {
        var candidates = printed.Select(p =>
        {
            var totals = fixedTotals.TryGetValue(p.Paper.Id.Value, out var t) ? t : new FixedTotals(0, 0, DateTime.MinValue, TotalsSource.ImportedPost);
            // Later ranks get earlier crawl places, as the original broke ties in reverse crawl order.
            var paper = p.Paper with { CrawlOrder = printed.Count - p.Rank + 1 };
            return new CandidatePaper(paper, totals.Reposts, totals.Likes, totals.MeasuredAtLocal, p.Embeds, TotalsFixed: true, totals.Source, p.Rank);
        }).ToList();
        return new DigestCandidates(window, generatedAt, candidates, layout);
    }
}
