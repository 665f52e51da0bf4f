namespace HotPapers.Ranking;

/// <summary>
/// The original Hot Papers selection, rule for rule (post-format.md steps 5–6). The original sorted ascending
/// with a stable sort and reversed the list, so ties come out in reverse input order; this code does exactly
/// that with the stable <c>OrderBy</c> and <c>Reverse</c>, never with the unstable <c>List.Sort</c>.
/// </summary>
public static class ClassicRanking
{
    /// <param name="embedHtml">The HTML a post would be shown with; duplicate HTML within a paper is skipped.</param>
    public static RankedDigest Rank(DigestCandidates day, DateTime generatedAt, ClassicOptions options, Func<CandidatePost, string> embedHtml)
    {
        // A window an imported post printed is shown as printed: its papers in its order, each with the embeds it
        // showed (the rules below came later; some early posts repeated an embed). Should a later crawl of these
        // days have found papers that qualify too, all are ranked by the rules, the printed ones still showing
        // what they showed. Other thresholds than the original's re-rank everything.
        var printed = day.Papers.Where(p => p.PrintedRank is not null).OrderBy(p => p.PrintedRank).ToList();
        if (printed.Count > 0 && options.HasOriginalThresholds)
        {
            var later = day.Papers.Where(p => p.PrintedRank is null && Qualifies(p, options)).ToList();
            var papers = later.Count == 0
                ? printed.Select(p => new RankedPaper(p.PrintedRank!.Value, p, AsPrinted(p, embedHtml))).ToList()
                : ByRules(printed.Concat(later), p => p.PrintedRank is not null ? AsPrinted(p, embedHtml) : SelectPosts(p.Posts, options, embedHtml));
            return new RankedDigest(day.Window, generatedAt, papers, day.Layout);
        }
        return new RankedDigest(day.Window, generatedAt,
            ByRules(day.Papers.Where(p => Qualifies(p, options)), p => SelectPosts(p.Posts, options, embedHtml)), day.Layout);
    }

    private static bool Qualifies(CandidatePaper paper, ClassicOptions options) => paper.Paper.HasPdf && paper.Score >= options.PaperThreshold;

    private static IReadOnlyList<ShownPost> AsPrinted(CandidatePaper paper, Func<CandidatePost, string> embedHtml) =>
        paper.Posts.Select(post => new ShownPost(post, embedHtml(post))).ToList();

    private static List<RankedPaper> ByRules(IEnumerable<CandidatePaper> candidates, Func<CandidatePaper, IReadOnlyList<ShownPost>> posts) =>
        candidates
            .OrderBy(p => p.Paper.CrawlOrder) // the input order the original saw
            .OrderBy(p => p.Score)
            .Reverse()
            .Select((p, i) => new RankedPaper(i + 1, p, posts(p)))
            .ToList();

    /// <summary>
    /// Posts with counts: stable ascending by score, reversed, the first <see cref="ClassicOptions.MaxPosts"/>
    /// taken, then those under the threshold dropped (the first is not exempt). Posts imported from an old
    /// digest have no counts of their own: the original already selected them, so they keep their embed order,
    /// come first and are not held to the threshold.
    /// </summary>
    public static IReadOnlyList<ShownPost> SelectPosts(IReadOnlyList<CandidatePost> posts, ClassicOptions options, Func<CandidatePost, string> embedHtml)
    {
        var imported = posts.Where(p => p.Counts is null).OrderBy(p => p.EmbedOrder ?? int.MaxValue);
        var counted = posts.Where(p => p.Counts is not null).OrderBy(p => p.Counts!.Score).Reverse();
        var kept = imported.Concat(counted)
            .Take(options.MaxPosts)
            .Where(p => p.Counts is null || p.Counts.Score >= options.PostThreshold);

        var shown = new List<ShownPost>();
        var shownIds = new HashSet<string>();
        var shownHtml = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in kept)
        {
            if (post.Post.RepostOf is { } original && shownIds.Contains(original)) continue;
            var html = embedHtml(post);
            if (!shownHtml.Add(html)) continue;
            shownIds.Add(post.Post.PostId);
            shown.Add(new ShownPost(post, html));
        }
        return shown;
    }
}
