using System.Globalization;
using System.Text;
using System.Xml;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The Atom feed (RFC 4287): one entry per day, newest first, linking the day page and its JSON, with the
/// day's papers as HTML content. Ids are the page URLs when the site's base URL is known, otherwise stable URNs.
/// </summary>
public static class AtomFeedWriter
{
    public static string Write(IReadOnlyList<DaySummary> days, SiteOptions options, DateTimeOffset now)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, Clean(options.Title));
            xml.WriteElementString("subtitle", ns, "arXiv papers people are talking about, day by day");
            xml.WriteElementString("id", ns, options.BaseUrl is null ? "urn:hotpapers:feed" : Url(options, SitePaths.Feed));
            xml.WriteElementString("updated", ns, Time(days.Count == 0 ? now : days.Max(d => d.Updated)));
            Link(xml, ns, "self", "application/atom+xml", Url(options, SitePaths.Feed));
            Link(xml, ns, "alternate", "text/html", Url(options, SitePaths.Index));
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, "HotPapers");
            xml.WriteEndElement();
            xml.WriteElementString("generator", ns, "HotPapers");
            foreach (var day in days)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, "Hot Papers " + day.Window.DateStr);
                xml.WriteElementString("id", ns, options.BaseUrl is null ? "urn:hotpapers:day:" + day.Window.FileStem : Url(options, SitePaths.Day(day.Window)));
                xml.WriteElementString("updated", ns, Time(day.Updated));
                xml.WriteElementString("published", ns, Time(day.Updated));
                Link(xml, ns, "alternate", "text/html", Url(options, SitePaths.Day(day.Window)));
                Link(xml, ns, "alternate", "application/json", Url(options, SitePaths.DayJson(day.Window)));
                xml.WriteElementString("summary", ns, Clean(Summary(day)));
                xml.WriteStartElement("content", ns);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(Clean(Content(day, options)));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Summary(DaySummary day) => day.Papers.Count switch
    {
        0 => "No paper reached the threshold.",
        1 => "1 paper: " + day.Papers[0].Title,
        _ => $"{day.Papers.Count} papers; top: {day.Papers[0].Title}",
    };

    private static string Content(DaySummary day, SiteOptions options)
    {
        var sb = new StringBuilder();
        if (day.Papers.Count == 0) return "<p>No paper reached the threshold.</p>";
        sb.Append("<ol>");
        foreach (var paper in day.Papers)
        {
            sb.Append("<li><a href=\"").Text(Url(options, SitePaths.Paper(paper.Id))).Append("\">").Text(paper.Title).Append("</a> (retweets: ")
              .Append(paper.Reposts.ToString(CultureInfo.InvariantCulture)).Append(", favorites: ").Append(paper.Likes.ToString(CultureInfo.InvariantCulture)).Append(")</li>");
        }
        return sb.Append("</ol>").ToString();
    }

    private static void Link(XmlWriter xml, string ns, string rel, string type, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Absolute with a base URL; otherwise relative to the feed, which sits at the site root.</summary>
    private static string Url(SiteOptions options, string path) => options.BaseUrl is null ? path : new Uri(options.BaseUrl, path).AbsoluteUri;

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters; a title holding one must not break the feed.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text[i]).Append(text[++i]);
        }
        return sb.ToString();
    }
}
