using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>One paper as the Atom query API returns it; <see cref="Title"/> and <see cref="Summary"/> are raw.</summary>
public sealed record ApiEntry(
    ArxivId Id,
    int Version,
    string Title,
    string Summary,
    IReadOnlyList<string> Authors,
    string? PrimaryCategory,
    IReadOnlyList<string> Categories,
    string? PdfUrl,
    DateTimeOffset? Published,
    DateTimeOffset? Updated);

/// <summary>An error entry (<c>…/api/errors#…</c>): the API's way of rejecting an id or a parameter.</summary>
public sealed record ApiError(string Id, string Message);

public sealed record ApiFeed(int? TotalResults, IReadOnlyList<ApiEntry> Entries, IReadOnlyList<ApiError> Errors, int EmptyEntries);

/// <summary>
/// Parses both generations of the query API's Atom output (classic with inline namespace declarations, and the
/// 2026 one). Elements are found by namespace and local name, never by prefix or position.
/// </summary>
public static partial class ApiFeedParser
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";
    public static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static ApiFeed Parse(string xml, string source)
    {
        var root = XmlText.Load(xml, source).Root!;
        if (root.Name != Atom + "feed") throw new ArxivFormatException($"{source}: expected an Atom <feed>, found <{root.Name.LocalName}>");
        int? total = null;
        var totalText = root.Element(OpenSearch + "totalResults")?.Value.Trim();
        if (totalText is not null && int.TryParse(totalText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)) total = t;

        var entries = new List<ApiEntry>();
        var errors = new List<ApiError>();
        var empty = 0;
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            var idText = entry.Element(Atom + "id")?.Value.Trim();
            if (string.IsNullOrEmpty(idText))
            {
                empty++; // reported for ids that did not exist (arxiv.py #80)
                continue;
            }
            if (idText.Contains("/api/errors#", StringComparison.Ordinal))
            {
                errors.Add(new ApiError(idText, ArxivText.Collapse(entry.Element(Atom + "summary")?.Value ?? idText)));
                continue;
            }
            var match = AbsId().Match(idText);
            if (!match.Success || !ArxivId.TryParse(match.Groups["rest"].Value, out var id, out var version))
                throw new ArxivFormatException($"{source}: line {XmlText.Line(entry)}: entry id '{idText}' is not an arXiv abstract URL");
            var title = entry.Element(Atom + "title")?.Value
                ?? throw new ArxivFormatException($"{source}: line {XmlText.Line(entry)}: entry {id} has no <title>");
            var summary = entry.Element(Atom + "summary")?.Value ?? "";
            var authors = entry.Elements(Atom + "author").Select(a => ArxivText.Collapse(a.Element(Atom + "name")?.Value ?? "")).Where(n => n.Length > 0).ToList();
            var categories = entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).OfType<string>().ToList();
            var primary = (string?)entry.Element(ArxivNs + "primary_category")?.Attribute("term");
            var pdf = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("title") == "pdf" || (string?)l.Attribute("type") == "application/pdf");
            entries.Add(new ApiEntry(id, version, title, summary, authors, primary, categories, (string?)pdf?.Attribute("href"),
                Date(entry.Element(Atom + "published")), Date(entry.Element(Atom + "updated"))));
        }
        return new ApiFeed(total, entries, errors, empty);
    }

    private static DateTimeOffset? Date(XElement? element) =>
        element is not null && DateTimeOffset.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    // Both schemes, both hosts; old-style ids keep their slash.
    [GeneratedRegex(@"^https?://(?:www\.|export\.)?arxiv\.org/abs/(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AbsId();
}

/// <summary>XML loading with errors that name the source and the line.</summary>
internal static class XmlText
{
    public static XDocument Load(string xml, string source)
    {
        try
        {
            return XDocument.Parse(xml, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new ArxivFormatException($"{source}: malformed XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message}", e);
        }
    }

    public static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
