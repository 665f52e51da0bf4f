namespace HotPapers.Publishing.Site;

/// <summary>Client-side search over titles, authors and ids: a form, a result list, and a small local script.</summary>
internal static class SearchPage
{
    public static byte[] Render(SiteOptions options) =>
        Layout.Page(SitePaths.Search, "Search", options, (sb, root) =>
        {
            sb.Append("<h1>Search</h1>\n")
              .Append("<form class=\"search\" role=\"search\" action=\"").Append(root).Append(SitePaths.Search).Append("\" method=\"get\" data-index=\"")
              .Append(root).Append(SitePaths.SearchIndex).Append("\">\n")
              .Append("<label for=\"q\">Title words, authors, categories, arXiv ids or arxiv.org links</label>\n<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\">\n")
              .Append("<button type=\"submit\">Search</button>\n</form>\n")
              .Append("<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"search-results\" class=\"papers\"></ol>\n")
              .Append("<noscript><p>Search runs in your browser and needs JavaScript. Browse by <a href=\"").Append(root).Append(SitePaths.Index)
              .Append("\">day</a> or by <a href=\"").Append(root).Append(SitePaths.Categories).Append("\">category</a> instead.</p></noscript>\n")
              .Append("<script src=\"").Append(root).Append(SitePaths.SearchScript).Append("\" defer></script>\n");
        });
}
