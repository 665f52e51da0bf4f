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
    public static byte[] Render(DayView day, SiteOptions options)
    {
        var path = SitePaths.Day(day.Window);
        var title = "Hot Papers " + day.Window.DateStr;
        return Layout.Page(path, title, options, (sb, root) =>
        {
            sb.Append("<h1>").Text(title).Append("</h1>\n");
            AppendDayNav(sb, day, root, "Days before and after");
            sb.Append("<p class=\"lede\">");
            sb.Append(day.Digest.Papers.Count).Append(day.Digest.Papers.Count == 1 ? " paper" : " papers")
              .Append(" with a score (reposts + likes) of at least ").Append(options.Render.Classic.PaperThreshold).Append(". ")
              .Append("Also as <a href=\"").Append(root).Append(SitePaths.DayJson(day.Window)).Append("\">JSON</a>.</p>\n");
            if (day.Digest.Papers.Count > 0)
            {
                sb.Append("<nav class=\"toc\" aria-label=\"Papers of the day\"><ol>");
                foreach (var paper in day.Digest.Papers)
                {
                    sb.Append("<li><a href=\"#p").Append(paper.Rank).Append("\">").Text(paper.Candidate.Paper.Title).Append("</a> ");
                    Scores.AppendBadge(sb, paper.Candidate.Reposts, paper.Candidate.Likes);
                    sb.Append("</li>");
                }
                sb.Append("</ol></nav>\n");
            }
            foreach (var paper in day.Digest.Papers) AppendPaper(sb, day, paper, root, options);
            if (day.Digest.Papers.Count > 2) AppendDayNav(sb, day, root, "More days");
        }, usesWidgets: true, headExtra: OpenGraph(day, title, path, options));
    }

    /// <summary>
    /// Link-preview tags: title, a one-line description and the day's image. Previews need absolute URLs, so
    /// with a base URL they are absolute; without one the image is relative to the page.
    /// </summary>
    private static string OpenGraph(DayView day, string title, string path, SiteOptions options)
    {
        var papers = day.Digest.Papers;
        var description = papers.Count switch
        {
            0 => "No paper reached the threshold.",
            1 => "1 paper: " + papers[0].Candidate.Paper.Title,
            _ => $"{papers.Count} papers; top: {papers[0].Candidate.Paper.Title} (score {Layout.Number(papers[0].Candidate.Score)})",
        };
        var image = SitePaths.ShareImage(day.Window);
        string Url(string p) => options.BaseUrl is null ? SitePaths.RootOf(path) + p : new Uri(options.BaseUrl, p).AbsoluteUri;
        var sb = new StringBuilder();
        sb.Append("<meta name=\"description\" content=\"").Text(description).Append("\">\n")
          .Append("<meta property=\"og:type\" content=\"article\">\n")
          .Append("<meta property=\"og:site_name\" content=\"").Text(options.Title).Append("\">\n")
          .Append("<meta property=\"og:title\" content=\"").Text(title).Append("\">\n")
          .Append("<meta property=\"og:description\" content=\"").Text(description).Append("\">\n");
        if (options.BaseUrl is not null) sb.Append("<meta property=\"og:url\" content=\"").Text(Url(path)).Append("\">\n");
        sb.Append("<meta property=\"og:image\" content=\"").Text(Url(image)).Append("\">\n")
          .Append("<meta property=\"og:image:width\" content=\"").Append(ShareImage.Width).Append("\">\n")
          .Append("<meta property=\"og:image:height\" content=\"").Append(ShareImage.Height).Append("\">\n")
          .Append("<meta property=\"og:image:alt\" content=\"").Text(title + ": the top papers and their scores").Append("\">\n")
          .Append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n");
        return sb.ToString();
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
        Scores.AppendPerPlatform(sb, candidate, day.IsReported(ranked));
        PaperPage.AppendLinks(sb, paper, root);
        // Folded by default: a day of fifteen abstracts is a very long page on a phone; the toggle needs no script.
        sb.Append("<details class=\"abstract-box\"><summary>Abstract</summary>\n<p class=\"abstract\">").Text(paper.Abstract).Append("</p>\n</details>\n");
        AppendBreakdown(sb, day, ranked);
        foreach (var shown in ranked.Posts)
            PostSnapshotHtml.Append(sb, shown.Candidate.Post, shown.Candidate.Counts, options.Widgets);
        sb.Append("</article>\n");
    }

    /// <summary>Older and newer day, and the archive: a reader can walk the days without going back to the index.</summary>
    private static void AppendDayNav(StringBuilder sb, DayView day, string root, string label)
    {
        sb.Append("<nav class=\"day-nav\" aria-label=\"").Text(label).Append("\"><ul>");
        if (day.Older is { } older)
            sb.Append("<li><a rel=\"prev\" href=\"").Append(root).Append(SitePaths.Day(older)).Append("\">&larr; ").Text(older.DateStr).Append("</a></li>");
        sb.Append("<li><a href=\"").Append(root).Append(SitePaths.Archive).Append('#').Append(ArchivePage.MonthId(day.Window.End)).Append("\">All days</a></li>");
        if (day.Newer is { } newer)
            sb.Append("<li><a rel=\"next\" href=\"").Append(root).Append(SitePaths.Day(newer)).Append("\">").Text(newer.DateStr).Append(" &rarr;</a></li>");
        sb.Append("</ul></nav>\n");
    }

    internal static int Counted(CandidatePost post) => post.Post.RepostOf is null ? post.Counts?.Score ?? 0 : 0;

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
            sb.Append("<tr><td>").Link(PlatformLabels.Permalink(p), "@" + p.AuthorHandle + ", " + p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rel: "nofollow noopener")
              .Append("</td><td>").Text(Layout.PlatformName(p.Platform)).Append("</td>");
            if (post.Counts is { } counts)
            {
                // A platform without reposts (Hacker News) shows a dash there, not a 0 that reads like a measurement.
                var reposts = PlatformLabels.RepostsLabel(p.Platform) is null ? "&ndash;" : Layout.Number(counts.Reposts);
                sb.Append("<td class=\"num\">").Append(reposts).Append("</td><td class=\"num\">").Append(Layout.Number(counts.Likes)).Append("</td>");
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
