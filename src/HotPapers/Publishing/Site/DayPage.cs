using System.Globalization;
using System.Text;
using HotPapers.Ranking;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A day in the classic order (the Markdown post's), each paper with its numbers, links, abstract, score
/// breakdown and the posts the post would embed, as static snapshots.
/// </summary>
internal static class DayPage
{
    public static string Render(DayView day, SiteOptions options)
    {
        var path = SitePaths.Day(day.Window);
        var title = "Hot Papers " + day.Window.DateStr;
        return Layout.Page(path, title, options, (sb, root) =>
        {
            sb.Append("<h1>").Text(title).Append("</h1>\n<p class=\"lede\">");
            sb.Append(day.Digest.Papers.Count).Append(day.Digest.Papers.Count == 1 ? " paper" : " papers")
              .Append(" with at least ").Append(options.Render.Classic.PaperThreshold).Append(" retweets + favorites. ")
              .Append("Also as <a href=\"").Append(root).Append(SitePaths.DayJson(day.Window)).Append("\">JSON</a>.</p>\n");
            if (day.Digest.Papers.Count > 0)
            {
                sb.Append("<nav class=\"toc\" aria-label=\"Papers of the day\"><ol>");
                foreach (var paper in day.Digest.Papers)
                    sb.Append("<li><a href=\"#p").Append(paper.Rank).Append("\">").Text(paper.Candidate.Paper.Title).Append("</a></li>");
                sb.Append("</ol></nav>\n");
            }
            foreach (var paper in day.Digest.Papers) AppendPaper(sb, day, paper, root, options);
        }, usesWidgets: true);
    }

    private static void AppendPaper(StringBuilder sb, DayView day, RankedPaper ranked, string root, SiteOptions options)
    {
        var candidate = ranked.Candidate;
        var paper = candidate.Paper;
        sb.Append("<article class=\"paper\" id=\"p").Append(ranked.Rank).Append("\" aria-labelledby=\"h").Append(ranked.Rank).Append("\">\n")
          .Append("<h2 id=\"h").Append(ranked.Rank).Append("\"><span class=\"rank\">").Append(ranked.Rank).Append(".</span> <a href=\"")
          .Append(root).Append(SitePaths.Paper(paper.Id)).Append("\">").Text(paper.Title).Append("</a></h2>\n")
          .Append("<p class=\"authors\">").Text(Layout.Authors(paper.Authors)).Append("</p>\n")
          .Append("<p class=\"stats\">retweets: ").Append(candidate.Reposts.ToString(CultureInfo.InvariantCulture))
          .Append(", favorites: ").Append(candidate.Likes.ToString(CultureInfo.InvariantCulture))
          .Append(" <span class=\"measured\">(").Append(candidate.MeasuredAt.ToString(GatsbyPostFormat.StatsTimeFormat, CultureInfo.InvariantCulture)).Append(")</span></p>\n");
        PaperPage.AppendLinks(sb, paper, root);
        sb.Append("<p class=\"abstract\">").Text(paper.Abstract).Append("</p>\n");
        AppendBreakdown(sb, day, ranked);
        foreach (var shown in ranked.Posts)
            PostSnapshotHtml.Append(sb, shown.Candidate.Post, shown.Candidate.Counts, options.Widgets);
        sb.Append("</article>\n");
    }

    private static int Counted(CandidatePost post) => post.Post.RepostOf is null ? post.Counts?.Score ?? 0 : 0;

    /// <summary>Which posts made the score and how much each counted; for an imported day, only the totals are known.</summary>
    private static void AppendBreakdown(StringBuilder sb, DayView day, RankedPaper ranked)
    {
        var candidate = ranked.Candidate;
        sb.Append("<details class=\"breakdown\">\n<summary>Score breakdown: ").Append(Layout.Number(candidate.Score)).Append("</summary>\n");
        if (day.IsReported(ranked))
        {
            sb.Append("<p>Only the paper's totals are known for this day: the published post printed ")
              .Append(Layout.Number(candidate.Reposts)).Append(" retweets and ").Append(Layout.Number(candidate.Likes))
              .Append(" favorites. It did not record how much each post counted; ");
            var shown = ranked.Posts.Count;
            sb.Append(shown == 0 ? "it showed no post." : shown == 1 ? "the post below is the one it showed." : $"the {shown} posts below are the ones it showed.");
            sb.Append("</p>\n</details>\n");
            return;
        }
        var shownIds = ranked.Posts.Select(p => (p.Candidate.Post.Platform, p.Candidate.Post.PostId)).ToHashSet();
        sb.Append("<table>\n<thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Platform</th><th scope=\"col\" class=\"num\">Reposts</th>")
          .Append("<th scope=\"col\" class=\"num\">Likes</th><th scope=\"col\" class=\"num\">Counted</th><th scope=\"col\">Shown</th></tr></thead>\n<tbody>\n");
        // Largest contribution first; reposts and unmeasured posts (which count nothing) last.
        foreach (var post in candidate.Posts.OrderByDescending(Counted).ThenByDescending(p => p.Counts?.Score ?? -1))
        {
            var p = post.Post;
            sb.Append("<tr><td>@").Text(p.AuthorHandle).Append(", ").Append(p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
              .Append("</td><td>").Text(Layout.PlatformName(p.Platform)).Append("</td>");
            if (post.Counts is { } counts)
            {
                sb.Append("<td class=\"num\">").Append(Layout.Number(counts.Reposts)).Append("</td><td class=\"num\">").Append(Layout.Number(counts.Likes)).Append("</td>");
                sb.Append("<td class=\"num\">").Append(p.RepostOf is null ? Layout.Number(Counted(post)) : "0 (repost)").Append("</td>");
            }
            else
            {
                sb.Append("<td class=\"num\">&ndash;</td><td class=\"num\">&ndash;</td><td class=\"num\">0 (not measured)</td>");
            }
            sb.Append("<td>").Append(shownIds.Contains((p.Platform, p.PostId)) ? "yes" : "no").Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"2\">Total</th><td class=\"num\">").Append(Layout.Number(candidate.Reposts))
          .Append("</td><td class=\"num\">").Append(Layout.Number(candidate.Likes)).Append("</td><td class=\"num\">").Append(Layout.Number(candidate.Score))
          .Append("</td><td></td></tr></tfoot>\n</table>\n");
        if (candidate.Source == TotalsSource.DailyMeasurement)
            sb.Append("<p>The totals are as the daily run measured them at ").Text(candidate.MeasuredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
              .Append("; the counts above are each post's latest snapshot.</p>\n");
        sb.Append("</details>\n");
    }
}
