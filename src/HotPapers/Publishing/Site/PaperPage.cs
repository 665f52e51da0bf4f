using System.Text;
using HotPapers.Domain;

namespace HotPapers.Publishing.Site;

/// <summary>A paper: its metadata, the days it was listed, its engagement history and every post that mentioned it.</summary>
internal static class PaperPage
{
    public static byte[] Render(PaperView view, SiteOptions options)
    {
        var paper = view.Paper;
        var path = SitePaths.Paper(paper.Id);
        return Layout.Page(path, paper.Title, options, (sb, root) =>
        {
            sb.Append("<article class=\"paper-page\">\n<h1>").Text(paper.Title).Append("</h1>\n")
              .Append("<p class=\"authors\">").Text(Layout.Authors(paper.Authors)).Append("</p>\n")
              .Append("<p class=\"id\">arXiv:").Text(paper.Id.Value).Append(" &middot; <a href=\"").Append(root).Append(SitePaths.PaperJson(paper.Id)).Append("\">JSON</a></p>\n");
            AppendLinks(sb, paper, root);
            if (view.Listed.ListingDates.Count > 0)
            {
                sb.Append("<p class=\"listed\">Listed on ");
                for (var i = 0; i < view.Listed.ListingDates.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    var day = view.Listed.ListingDates[i];
                    sb.Append("<a href=\"").Append(root).Append(SitePaths.Day(DigestWindow.Day(day))).Append("\">").Append(Layout.Iso(day)).Append("</a>");
                }
                sb.Append(".</p>\n");
            }
            sb.Append("<h2>Abstract</h2>\n<p class=\"abstract\">").Text(paper.Abstract).Append("</p>\n");
            sb.Append("<h2>Engagement</h2>\n");
            EngagementChart.Append(sb, view.History, "chart", view.AnnouncedAt);
            var posts = view.Activity.Posts;
            sb.Append("<h2>Posts that mentioned it (").Append(posts.Count).Append(")</h2>\n");
            if (posts.Count == 0) sb.Append("<p>None stored.</p>\n");
            foreach (var post in posts) PostSnapshotHtml.Append(sb, post.Post, post.Latest, options.Widgets);
            sb.Append("</article>\n");
        }, usesWidgets: true);
    }

    /// <summary>The abs and pdf links and the category links, as on the post's two link lines.</summary>
    public static void AppendLinks(StringBuilder sb, Paper paper, string root)
    {
        sb.Append("<p class=\"links\">").Link(paper.AbsUrl, "abs");
        if (paper.PdfUrl is not null) sb.Append(" | ").Link(paper.PdfUrl, "pdf");
        sb.Append("</p>\n<ul class=\"categories\" aria-label=\"Categories\">");
        foreach (var subject in paper.Subjects)
        {
            var name = CategoryNames.Of(subject.Code, subject.Name);
            sb.Append("<li><a href=\"").Append(root).Append(SitePaths.Category(subject.Code)).Append('"');
            if (name is not null) sb.Append(" title=\"").Text(name).Append('"');
            sb.Append('>').Text(subject.Code).Append("</a>");
            // The name beside the code: codes alone mean little to a reader who does not know arXiv's taxonomy.
            if (name is not null) sb.Append(" <span class=\"cat-name\">").Text(name).Append("</span>");
            sb.Append("</li>");
        }
        sb.Append("</ul>\n");
    }
}
