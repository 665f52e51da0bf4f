using System.Text;
using HotPapers.Ranking;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Scores as words, not bare numbers: a paper's score is its reposts plus likes over every platform, and the
/// site says so wherever it prints one (index, table of contents, day page), with the per-platform parts.
/// </summary>
internal static class Scores
{
    /// <summary><c>score 5,337 (5,288 reposts + 49 likes)</c>, compact enough for a list item.</summary>
    public static void AppendBadge(StringBuilder sb, int reposts, int likes)
    {
        sb.Append("<span class=\"score\">score <strong>").Append(Layout.Number(reposts + likes)).Append("</strong>")
          .Append(" <span class=\"parts\">(").Append(Layout.Number(reposts)).Append(" reposts + ").Append(Layout.Number(likes)).Append(" likes)</span></span>");
    }

    /// <summary>
    /// One line per paper: the score and what each platform gave, in that platform's words. Reposts of a post
    /// and posts not measured count nothing, as in the ranking. For an imported day only the printed totals exist.
    /// </summary>
    public static void AppendPerPlatform(StringBuilder sb, CandidatePaper candidate, bool reportedOnly)
    {
        sb.Append("<p class=\"score-line\">Score <strong>").Append(Layout.Number(candidate.Score)).Append("</strong>");
        var parts = reportedOnly ? [] : PerPlatform(candidate);
        if (parts.Count == 0 || parts.Sum(p => p.Reposts + p.Likes) != candidate.Score)
        {
            sb.Append(" = ").Append(Layout.Number(candidate.Reposts)).Append(" retweets + ").Append(Layout.Number(candidate.Likes)).Append(" favorites")
              .Append(reportedOnly ? " on X, as the published post printed them" : "").Append("</p>\n");
            return;
        }
        sb.Append(" = ");
        for (var i = 0; i < parts.Count; i++)
        {
            var (platform, reposts, likes) = parts[i];
            if (i > 0) sb.Append(" + ");
            sb.Append("<span class=\"platform\">").Text(PlatformLabels.Name(platform)).Append(' ').Append(Layout.Number(reposts + likes))
              .Append(" <span class=\"parts\">(").Text(PlatformLabels.Counts(platform, reposts, likes)).Append(")</span></span>");
        }
        sb.Append("</p>\n");
    }

    /// <summary>Reposts and likes per platform over the counted posts, the biggest contributor first.</summary>
    public static List<(string Platform, int Reposts, int Likes)> PerPlatform(CandidatePaper candidate) =>
        candidate.Posts
            .Where(p => p.Post.RepostOf is null && p.Counts is not null)
            .GroupBy(p => p.Post.Platform, StringComparer.Ordinal)
            .Select(g => (Platform: g.Key, Reposts: g.Sum(p => p.Counts!.Reposts), Likes: g.Sum(p => p.Counts!.Likes)))
            .OrderByDescending(p => p.Reposts + p.Likes).ThenBy(p => p.Platform, StringComparer.Ordinal)
            .ToList();
}
