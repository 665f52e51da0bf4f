using System.Globalization;
using System.Net;
using System.Text;
using HotPapers.Domain;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// arXiv as it answered for the seed's day: the 2020–2021 pastweek listing layout (one page per target holding
/// the day) and the classic Atom query API. The markup is assembled (external-formats.md §1–2); the text in it
/// is the seed's.
/// </summary>
public sealed class FakeArxiv(SeedWorld world)
{
    public HttpResponseMessage? Answer(Uri url)
    {
        if (url.Host == "arxiv.org" && url.AbsolutePath.StartsWith("/list/", StringComparison.Ordinal))
            return Html(Listing(url.AbsolutePath.Split('/')[2]));
        if (url.Host == "export.arxiv.org" && url.AbsolutePath == "/api/query")
            return Xml(Api(Query(url)["id_list"].Split(',', StringSplitOptions.RemoveEmptyEntries)));
        return null;
    }

    /// <summary>cs lists every paper (cross-listed when its primary subject is elsewhere); stat.ML those with that subject.</summary>
    private string Listing(string target)
    {
        var entries = world.Papers.Where(p => target == "cs" || p.Paper.Subjects.Any(s => s.Code == target)).ToList();
        var day = world.Seed.Window.Start;
        var body = new StringBuilder();
        var n = 0;
        foreach (var entry in entries)
        {
            var paper = entry.Paper;
            var primary = paper.Subjects[0].Code;
            var cross = primary == target || primary.StartsWith(target + ".", StringComparison.Ordinal) ? "" : $" (cross-list from {primary})";
            var pdf = paper.PdfUrl is null ? "" : $"<a href=\"/pdf/{paper.Id}\" title=\"Download PDF\">pdf</a>, ";
            var authors = string.Join(", \n", paper.Authors.Select(a => $"<a href=\"/search/cs?searchtype=author&amp;query={WebUtility.UrlEncode(a)}\">{WebUtility.HtmlEncode(a)}</a>"));
            var subjects = string.Join("; ", paper.Subjects.Select((s, i) =>
                i == 0 ? $"<span class=\"primary-subject\">{SubjectNames.Of(s.Code)} ({s.Code})</span>" : $"{SubjectNames.Of(s.Code)} ({s.Code})"));
            n++;
            body.Append($"""
                <dt><a name="item{n}">[{n}]</a>&nbsp;  <span class="list-identifier"><a href="/abs/{paper.Id}" title="Abstract">arXiv:{paper.Id}</a>{cross} [{pdf}<a href="/format/{paper.Id}" title="Other formats">other</a>]</span></dt>
                <dd>
                <div class="meta">
                <div class="list-title mathjax">
                <span class="descriptor">Title:</span> {WebUtility.HtmlEncode(paper.Title)}
                </div>
                <div class="list-authors">
                <span class="descriptor">Authors:</span>
                {authors}
                </div>
                <div class="list-subjects">
                <span class="descriptor">Subjects:</span> {subjects}

                </div>
                </div>
                </dd>

                """);
        }
        var heading = day.ToString("ddd, d MMM yyyy", CultureInfo.InvariantCulture);
        return $"""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head>
            <title>{target} authors/titles "recent submissions"</title>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
            </head>
            <body class="with-cu-identity">
            <div id="content">
            <div id="dlpage">
            <h1>{target}</h1>
            <h2>Authors and titles for recent submissions</h2>
            <small>[ total of {entries.Count} entries: <b>1-{entries.Count}</b> ]</small><br />
            <h3>{heading}</h3>
            <dl>
            {body}</dl>
            </div>
            </div>
            </body>
            </html>

            """;
    }

    /// <summary>The classic API's Atom: titles wrapped with arXiv's two-space indent, abstracts wrapped at about 80 columns.</summary>
    private string Api(string[] ids)
    {
        var papers = world.Papers.ToDictionary(p => p.Paper.Id.Value, p => p.Paper);
        var xml = new StringBuilder();
        xml.Append($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="html">ArXiv Query: search_query=&amp;id_list={string.Join(',', ids)}&amp;start=0&amp;max_results={ids.Length}</title>
              <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{ids.Length}</opensearch:totalResults>
              <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
              <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{ids.Length}</opensearch:itemsPerPage>

            """);
        foreach (var id in ids)
        {
            var paper = papers[id];
            var published = world.Seed.Window.Start.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T17:59:59Z";
            xml.Append($"""
                  <entry>
                    <id>http://arxiv.org/abs/{id}v1</id>
                    <updated>{published}</updated>
                    <published>{published}</published>
                    <title>{Escape(WrapTitle(paper.Title))}</title>
                    <summary>  {Escape(WrapAbstract(paper.Abstract))}
                </summary>

                """);
            foreach (var author in paper.Authors)
                xml.Append($"    <author>\n      <name>{Escape(author)}</name>\n    </author>\n");
            xml.Append($"    <link href=\"http://arxiv.org/abs/{id}v1\" rel=\"alternate\" type=\"text/html\"/>\n");
            if (paper.PdfUrl is not null) xml.Append($"    <link title=\"pdf\" href=\"http://arxiv.org/pdf/{id}v1\" rel=\"related\" type=\"application/pdf\"/>\n");
            xml.Append($"    <arxiv:primary_category xmlns:arxiv=\"http://arxiv.org/schemas/atom\" term=\"{paper.Subjects[0].Code}\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
            foreach (var subject in paper.Subjects)
                xml.Append($"    <category term=\"{subject.Code}\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
            xml.Append("  </entry>\n");
        }
        xml.Append("</feed>\n");
        return xml.ToString();
    }

    /// <summary>arXiv breaks a long title with <c>\n  </c>: the post keeps the two spaces, so only a double space can be a break.</summary>
    private static string WrapTitle(string title)
    {
        var at = title.IndexOf("  ", StringComparison.Ordinal);
        return at < 0 ? title : title[..at] + "\n  " + title[(at + 2)..];
    }

    /// <summary>A single space may become a line break: the post turns each break back into one space.</summary>
    private static string WrapAbstract(string text)
    {
        var wrapped = new StringBuilder(text);
        var lineStart = 0;
        for (var i = 0; i < wrapped.Length; i++)
        {
            if (i - lineStart < 78 || wrapped[i] != ' ' || (i > 0 && wrapped[i - 1] == ' ') || (i + 1 < wrapped.Length && wrapped[i + 1] == ' ')) continue;
            wrapped[i] = '\n';
            lineStart = i + 1;
        }
        return wrapped.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    private static HttpResponseMessage Html(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/html") };

    private static HttpResponseMessage Xml(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/atom+xml") };
}
