using System.Text;

namespace HotPapers.Publishing.Site;

/// <summary>The front page and its older pages: the days, newest first, each with its top papers.</summary>
internal static class IndexPage
{
    public static byte[] Render(IReadOnlyList<DaySummary> days, Paging paging, SiteOptions options)
    {
        var path = SitePaths.IndexPage(paging.Number);
        var title = paging.Number == 0 ? options.Title : $"{options.Title}, page {paging.Number}";
        return Layout.Page(path, title, options, (sb, root) =>
        {
            sb.Append("<h1>").Text(options.Title).Append("</h1>\n<p class=\"lede\">The arXiv papers people talked about most, day by day.</p>\n");
            if (days.Count == 0) sb.Append("<p>No days in the store yet.</p>\n");
            sb.Append("<ol class=\"days\">\n");
            foreach (var day in days) AppendDay(sb, day, root);
            sb.Append("</ol>\n");
            Layout.Pager(sb, paging, number => root + SitePaths.IndexPage(number), "Older and newer days");
            sb.Append("<p><a href=\"").Append(root).Append(SitePaths.Archive).Append("\">All days, as calendars</a></p>\n");
        });
    }

    private static void AppendDay(StringBuilder sb, DaySummary day, string root)
    {
        sb.Append("<li>\n<h2><a href=\"").Append(root).Append(SitePaths.Day(day.Window)).Append("\">").Text(Heading(day)).Append("</a></h2>\n");
        if (day.Papers.Count == 0)
        {
            sb.Append("<p>No paper reached the threshold.</p>\n</li>\n");
            return;
        }
        sb.Append("<p>").Append(day.Papers.Count).Append(day.Papers.Count == 1 ? " paper" : " papers").Append(". Top:</p>\n<ol class=\"top\">");
        foreach (var paper in day.Papers.Take(3))
        {
            sb.Append("<li><a href=\"").Append(root).Append(SitePaths.Paper(paper.Id)).Append("\">").Text(paper.Title).Append("</a> ");
            Scores.AppendBadge(sb, paper.Reposts, paper.Likes);
            sb.Append("</li>");
        }
        sb.Append("</ol>\n</li>\n");
    }

    public static string Heading(DaySummary day) => "Hot Papers " + day.Window.DateStr;
}
