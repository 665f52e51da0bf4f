using System.Text;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>The papers of one arXiv category, newest listing first, and the list of all categories.</summary>
internal static class CategoryPage
{
    public static byte[] Render(string code, string? name, IReadOnlyList<ListedPaper> papers, Paging paging, SiteOptions options)
    {
        var path = SitePaths.Category(code, paging.Number);
        var title = name is null ? code : $"{name} ({code})";
        return Layout.Page(path, title, options, (sb, root) =>
        {
            sb.Append("<h1>").Text(title).Append("</h1>\n<p class=\"lede\">Papers listed in ").Text(code).Append(" that the store holds, newest first. ")
              .Append("<a href=\"https://arxiv.org/list/").Text(Uri.EscapeDataString(code)).Append("/recent\">Recent ").Text(code).Append(" on arXiv</a>.</p>\n<ol class=\"papers\">\n");
            foreach (var listed in papers)
            {
                var paper = listed.Paper;
                sb.Append("<li><a href=\"").Append(root).Append(SitePaths.Paper(paper.Id)).Append("\">").Text(paper.Title).Append("</a>")
                  .Append("<br><span class=\"authors\">").Text(Layout.Authors(paper.Authors, 5)).Append("</span>");
                if (listed.ListingDates.Count > 0) sb.Append(" &middot; <span class=\"date\">").Append(Layout.Iso(listed.ListingDates[0])).Append("</span>");
                sb.Append("</li>\n");
            }
            sb.Append("</ol>\n");
            Layout.Pager(sb, paging, number => root + SitePaths.Category(code, number), "Pages of " + code);
        });
    }

    public static byte[] RenderIndex(IReadOnlyList<(string Code, string? Name, int Count)> categories, SiteOptions options) =>
        Layout.Page(SitePaths.Categories, "Categories", options, (sb, root) =>
        {
            sb.Append("<h1>Categories</h1>\n<ul class=\"category-list\">\n");
            foreach (var (code, name, count) in categories)
            {
                sb.Append("<li><a href=\"").Append(root).Append(SitePaths.Category(code)).Append("\">").Text(code).Append("</a>");
                if (name is not null) sb.Append(" ").Text(name);
                sb.Append(" <span class=\"count\">(").Append(Layout.Number(count)).Append(")</span></li>\n");
            }
            sb.Append("</ul>\n");
        });
}
