using System.Globalization;
using System.Xml.Linq;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>One OAI-PMH record in the <c>arXiv</c> or <c>arXivRaw</c> format; title and abstract raw, hard wraps kept.</summary>
public sealed record OaiRecord(
    ArxivId Id,
    DateOnly Datestamp,
    bool Deleted,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    DateOnly? Created,
    int Versions,
    IReadOnlyList<string> SetSpecs)
{
    /// <summary>A record with a later version than v1 was touched by a replacement, not (only) by its first announcement.</summary>
    public bool IsReplacement => Versions > 1;
}

/// <summary>A page of <c>ListRecords</c>; <see cref="ResumptionToken"/> is null on the last page.</summary>
public sealed record OaiPage(IReadOnlyList<OaiRecord> Records, string? ResumptionToken, string? ErrorCode, string? ErrorMessage);

/// <summary>
/// OAI-PMH (oaipmh.arxiv.org, and the old export.arxiv.org/oai2 pages). The resumption token is opaque: it is
/// returned exactly as found, and the client encodes it again when sending it back.
/// </summary>
public static class OaiPmhParser
{
    public static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    public static readonly XNamespace ArxivFormat = "http://arxiv.org/OAI/arXiv/";
    public static readonly XNamespace ArxivRaw = "http://arxiv.org/OAI/arXivRaw/";

    public static OaiPage Parse(string xml, string source)
    {
        var root = XmlText.Load(xml, source).Root!;
        if (root.Name != Oai + "OAI-PMH") throw new ArxivFormatException($"{source}: expected <OAI-PMH>, found <{root.Name}>");
        var error = root.Element(Oai + "error");
        if (error is not null)
            return new OaiPage([], null, (string?)error.Attribute("code") ?? "unknown", ArxivText.Collapse(error.Value));

        var list = root.Element(Oai + "ListRecords") ?? root.Element(Oai + "GetRecord")
            ?? throw new ArxivFormatException($"{source}: neither <ListRecords> nor <GetRecord> nor <error> in the response");
        var records = list.Elements(Oai + "record").Select(r => Record(r, source)).ToList();
        var token = list.Element(Oai + "resumptionToken")?.Value.Trim();
        return new OaiPage(records, string.IsNullOrEmpty(token) ? null : token, null, null);
    }

    private static OaiRecord Record(XElement record, string source)
    {
        var header = record.Element(Oai + "header") ?? throw new ArxivFormatException($"{source}: line {XmlText.Line(record)}: record without <header>");
        var identifier = header.Element(Oai + "identifier")?.Value.Trim() ?? "";
        const string prefix = "oai:arXiv.org:";
        if (!identifier.StartsWith(prefix, StringComparison.Ordinal) || !ArxivId.TryParse(identifier[prefix.Length..], out var id))
            throw new ArxivFormatException($"{source}: line {XmlText.Line(header)}: identifier '{identifier}' is not an arXiv OAI identifier");
        var datestamp = ParseDay(header.Element(Oai + "datestamp")?.Value, source, header);
        var sets = header.Elements(Oai + "setSpec").Select(s => s.Value.Trim()).ToList();
        var deleted = (string?)header.Attribute("status") == "deleted";
        var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        if (deleted || metadata is null) return new OaiRecord(id, datestamp, deleted, "", "", [], [], null, 0, sets);

        var ns = metadata.Name.Namespace;
        if (metadata.Name == ArxivFormat + "arXiv")
        {
            var authors = metadata.Element(ns + "authors")?.Elements(ns + "author")
                .Select(a => ArxivText.Collapse(string.Join(' ', new[] { a.Element(ns + "forenames")?.Value, a.Element(ns + "keyname")?.Value, a.Element(ns + "suffix")?.Value }.Where(s => !string.IsNullOrWhiteSpace(s)))))
                .ToList() ?? [];
            var created = OptionalDay(metadata.Element(ns + "created")?.Value);
            var updated = metadata.Element(ns + "updated") is not null;
            return new OaiRecord(id, datestamp, false, metadata.Element(ns + "title")?.Value ?? "", metadata.Element(ns + "abstract")?.Value ?? "",
                authors, Categories(metadata.Element(ns + "categories")?.Value), created, updated ? 2 : 1, sets);
        }
        if (metadata.Name == ArxivRaw + "arXivRaw")
        {
            var versions = metadata.Elements(ns + "version").ToList();
            DateOnly? created = null;
            var firstDate = versions.FirstOrDefault()?.Element(ns + "date")?.Value;
            if (firstDate is not null && DateTimeOffset.TryParse(firstDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var first))
                created = DateOnly.FromDateTime(first.UtcDateTime);
            var authors = SplitRawAuthors(metadata.Element(ns + "authors")?.Value ?? "");
            return new OaiRecord(id, datestamp, false, metadata.Element(ns + "title")?.Value ?? "", metadata.Element(ns + "abstract")?.Value ?? "",
                authors, Categories(metadata.Element(ns + "categories")?.Value), created, Math.Max(1, versions.Count), sets);
        }
        throw new ArxivFormatException($"{source}: line {XmlText.Line(metadata)}: unsupported metadata format <{metadata.Name}>");
    }

    /// <summary><c>arXivRaw</c> authors are free text: "A, B and C", with parenthesised affiliations.</summary>
    public static IReadOnlyList<string> SplitRawAuthors(string text)
    {
        var parts = RssFeedParser.SplitAuthors(ArxivText.Collapse(text));
        var authors = new List<string>();
        foreach (var part in parts)
            authors.AddRange(part.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return authors;
    }

    private static IReadOnlyList<string> Categories(string? text) =>
        text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static DateOnly ParseDay(string? text, string source, XElement at) =>
        OptionalDay(text) ?? throw new ArxivFormatException($"{source}: line {XmlText.Line(at)}: datestamp '{text}' is not YYYY-MM-DD");

    private static DateOnly? OptionalDay(string? text)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        // Some servers send a full time; the day is what counts.
        if (trimmed.Length > 10) trimmed = trimmed[..10];
        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
