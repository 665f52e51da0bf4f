using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>One day's feed: the announcement date (US Eastern, as the feed states it) and its items in feed order.</summary>
public sealed record FeedDay(DateOnly? Date, IReadOnlyList<Announcement> Items);

/// <summary>
/// The daily feeds of rss.arxiv.org (since January 2024), RSS 2.0 and Atom alike. The id and version live only in
/// the guid and the description prefix (<c>arXiv:2010.13581v1 Announce Type: new \nAbstract: …</c>);
/// <c>arxiv:announce_type</c> says new, cross, replace or replace-cross.
/// </summary>
public static partial class RssFeedParser
{
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static FeedDay Parse(string xml, string source)
    {
        var root = XmlText.Load(xml, source).Root!;
        if (root.Name.LocalName == "rss" && root.Name.Namespace == XNamespace.None) return ParseRss(root, source);
        if (root.Name == ApiFeedParser.Atom + "feed") return ParseAtom(root, source);
        throw new ArxivFormatException($"{source}: expected an RSS 2.0 <rss> or Atom <feed>, found <{root.Name}>");
    }

    private static FeedDay ParseRss(XElement root, string source)
    {
        var channel = root.Element("channel") ?? throw new ArxivFormatException($"{source}: <rss> without <channel>");
        DateOnly? date = RssDate(channel.Element("pubDate")?.Value);
        var items = new List<Announcement>();
        foreach (var item in channel.Elements("item"))
        {
            var categories = item.Elements("category").Select(c => c.Value.Trim()).Where(c => c.Length > 0);
            items.Add(Item(item, source, item.Element("guid")?.Value, item.Element("description")?.Value, item.Element("title")?.Value, categories));
            date ??= RssDate(item.Element("pubDate")?.Value);
        }
        return new FeedDay(date, items);
    }

    private static FeedDay ParseAtom(XElement root, string source)
    {
        var atom = ApiFeedParser.Atom;
        var items = new List<Announcement>();
        DateOnly? date = null;
        foreach (var entry in root.Elements(atom + "entry"))
        {
            var categories = entry.Elements(atom + "category").Select(c => ((string?)c.Attribute("term"))?.Trim() ?? "").Where(c => c.Length > 0);
            items.Add(Item(entry, source, entry.Element(atom + "id")?.Value, entry.Element(atom + "summary")?.Value, entry.Element(atom + "title")?.Value, categories));
            // The entry's published time is the announcement's midnight, US Eastern: its own offset gives the date.
            var published = entry.Element(atom + "published")?.Value.Trim();
            if (date is null && DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var p)) date = DateOnly.FromDateTime(p.DateTime);
        }
        return new FeedDay(date, items);
    }

    private static Announcement Item(XElement item, string source, string? guid, string? description, string? title, IEnumerable<string> categories)
    {
        var line = XmlText.Line(item);
        var idText = guid?.Trim() is { } g && g.StartsWith("oai:arXiv.org:", StringComparison.Ordinal) ? g["oai:arXiv.org:".Length..] : null;
        var prefix = description is null ? Match.Empty : DescriptionPrefix().Match(description);
        idText ??= prefix.Success ? prefix.Groups["id"].Value : null;
        if (idText is null || !ArxivId.TryParse(idText, out var id, out var version))
            throw new ArxivFormatException($"{source}: line {line}: item without a recognisable arXiv id (guid '{guid}')");

        var typeText = item.Element(ApiFeedParser.ArxivNs + "announce_type")?.Value ?? (prefix.Success ? prefix.Groups["type"].Value : null);
        if (typeText is null || !Announcement.TryParseKind(typeText, out var kind))
            throw new ArxivFormatException($"{source}: line {line}: item {id} has no known announce_type ('{typeText}')");

        var authors = SplitAuthors(item.Element(Dc + "creator")?.Value ?? "");
        var subjects = categories.Select(c => new Subject(c)).ToList();
        return new Announcement(id, kind, ArxivText.Collapse(title ?? ""), authors, subjects, HasPdf: null, version);
    }

    /// <summary>
    /// <c>dc:creator</c> holds every author in one string, joined by ", ", with affiliations in parentheses that may
    /// contain commas: split only at top-level commas.
    /// </summary>
    public static IReadOnlyList<string> SplitAuthors(string creator)
    {
        var authors = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < creator.Length; i++)
        {
            switch (creator[i])
            {
                case '(': depth++; break;
                case ')': depth = Math.Max(0, depth - 1); break;
                case ',' when depth == 0:
                    Add(creator[start..i]);
                    start = i + 1;
                    break;
            }
        }
        Add(creator[start..]);
        return authors;

        void Add(string name)
        {
            var trimmed = ArxivText.Collapse(name); // a collaboration comes with a leading space
            if (trimmed.Length > 0) authors.Add(trimmed);
        }
    }

    private static DateOnly? RssDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // "Tue, 27 Oct 2020 00:00:00 -0400": the date as written, in the feed's own (US Eastern) offset.
        var match = RfcDate().Match(text);
        if (!match.Success) return null;
        return DateOnly.TryParseExact($"{match.Groups["d"].Value} {match.Groups["m"].Value} {match.Groups["y"].Value}", "d MMM yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce Type:\s*(?<type>[a-z\-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionPrefix();

    [GeneratedRegex(@"(?<d>\d{1,2})\s+(?<m>[A-Z][a-z]{2})\s+(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex RfcDate();
}
