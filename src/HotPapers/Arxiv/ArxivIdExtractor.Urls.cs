using HotPapers.Domain;

namespace HotPapers.Arxiv;

public static partial class ArxivIdExtractor
{
    /// <summary>
    /// The first paper a link field names (an X expanded or unwound URL, a Bluesky link facet or external embed, a
    /// Hacker News story URL). It decides on the host right after the scheme: an <c>http(s)://</c> URL on a host that
    /// is neither a paper host nor a DOI resolver names no paper, without a look at the rest; any other URL gets
    /// <see cref="TryExtract"/>. That gives up exactly two things <see cref="TryExtract"/> finds in such a URL: an arXiv
    /// DOI inside it (<c>https://scholar.example/?q=10.48550/arXiv.2010.13581</c>) and an id standing after a space,
    /// bracket or quote inside it (<c>https://example.com/notes_(2010.13581)</c>). A paper URL wrapped in another
    /// site's query string is not found by either. Post text still goes through <see cref="TryExtract"/>.
    /// </summary>
    public static bool TryExtractFromUrl(ReadOnlySpan<char> url, out ArxivLink link)
    {
        if (NamesNoPaper(url))
        {
            link = default;
            return false;
        }
        return TryExtract(url, out link);
    }

    /// <summary>Every reference in a link field, as <see cref="ExtractAll"/> finds them; none when the host rules them out (<see cref="TryExtractFromUrl"/>).</summary>
    public static List<ArxivLink> ExtractAllFromUrl(ReadOnlySpan<char> url) => NamesNoPaper(url) ? [] : ExtractAll(url);

    /// <summary>
    /// The distinct papers of a post: its link fields first (read as URLs, <see cref="ExtractAllFromUrl"/>), then its
    /// texts (<see cref="ExtractAll"/>), first seen first.
    /// </summary>
    public static List<ArxivId> DistinctIds(IEnumerable<string?> urls, IEnumerable<string?> texts)
    {
        var ids = new List<ArxivId>();
        foreach (var url in urls)
            if (!string.IsNullOrEmpty(url)) AddDistinct(ids, ExtractAllFromUrl(url));
        foreach (var text in texts)
            if (!string.IsNullOrEmpty(text)) AddDistinct(ids, ExtractAll(text));
        return ids;
    }

    private static void AddDistinct(List<ArxivId> ids, List<ArxivLink> links)
    {
        foreach (var link in links)
            if (!ids.Contains(link.Id)) ids.Add(link.Id);
    }

    /// <summary>
    /// An <c>http(s)://</c> URL whose host (as <see cref="UrlHost"/> reads it) is neither a paper host nor a DOI resolver.
    /// Such a URL starts with a letter run ended by ':' (not an id) and names no host whose paths hold ids, so the
    /// general scan could only find an arXiv DOI in it or an id in a later token.
    /// </summary>
    private static bool NamesNoPaper(ReadOnlySpan<char> url)
    {
        if (UrlHost(url, out var hostEnd, out var schemeLength) != PaperHost.None || schemeLength < 7) return false;
        var host = hostEnd > schemeLength ? url[schemeLength..hostEnd] : url[schemeLength..];
        return !IsDoiResolver(host);
    }

    /// <summary>doi.org and its subdomains (dx.doi.org, www.doi.org): the hosts of arXiv DOI links.</summary>
    private static bool IsDoiResolver(ReadOnlySpan<char> host) =>
        EqualsIgnoreCase(host, "doi.org") || (host.Length > 8 && EndsWithIgnoreCase(host, ".doi.org"));
}
