using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>The entries of one day on one page of <c>/list/&lt;target&gt;/pastweek</c>, in listing order.</summary>
public sealed record ListingSection(DateOnly Date, int? DayTotal, IReadOnlyList<Announcement> Entries);

/// <summary>One page of a pastweek listing; <see cref="Total"/> counts the whole week, <see cref="EntryCount"/> this page.</summary>
public sealed record ListingPage(IReadOnlyList<ListingSection> Sections, int? Total)
{
    public int EntryCount => Sections.Sum(s => s.Entries.Count);
}

/// <summary>
/// Reads <c>/list/&lt;target&gt;/pastweek</c> (alias <c>/recent</c>) in both layouts: the 2024 redesign
/// (<c>href ="…"</c>, one <c>&lt;dl id='articles'&gt;</c> per day headed <c>Tue, 27 Oct 2020 (showing 50 of 212 entries )</c>)
/// and the 2020–2021 one (<c>list-identifier</c> spans, <c>Authors:</c> descriptor, bare day headings).
/// The page is walked in document order: a day heading opens a section, each dt/dd pair is one entry.
/// </summary>
public static partial class ListingPageParser
{
    public static ListingPage Parse(string html, string source)
    {
        var document = new HtmlParser().ParseDocument(html);
        var scope = (IParentNode?)document.QuerySelector("#dlpage") ?? document;
        var sections = new List<(DateOnly Date, int? Total, List<Announcement> Entries)>();
        IElement? pendingDt = null;
        foreach (var element in scope.QuerySelectorAll("h3, dt, dd"))
        {
            switch (element.LocalName)
            {
                case "h3":
                    var heading = ArxivText.Collapse(element.TextContent);
                    if (!TryParseDayHeading(heading, out var day, out var dayTotal))
                        throw new ArxivFormatException($"{source}: heading '{heading}' is not a listing day such as 'Tue, 27 Oct 2020'");
                    sections.Add((day, dayTotal, []));
                    pendingDt = null;
                    break;
                case "dt":
                    pendingDt = element;
                    break;
                case "dd":
                    if (pendingDt is null) throw new ArxivFormatException($"{source}: an entry's <dd> without its <dt>");
                    if (sections.Count == 0) throw new ArxivFormatException($"{source}: entries before any day heading");
                    sections[^1].Entries.Add(Entry(pendingDt, element, source));
                    pendingDt = null;
                    break;
            }
        }
        int? total = TotalEntries().Match(document.Body?.TextContent ?? "") is { Success: true } m
            ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
        return new ListingPage(sections.Select(s => new ListingSection(s.Date, s.Total, s.Entries)).ToList(), total);
    }

    private static Announcement Entry(IElement dt, IElement dd, string source)
    {
        var abs = dt.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("title") == "Abstract" || AbsHref().IsMatch(a.GetAttribute("href") ?? ""));
        var href = abs?.GetAttribute("href") ?? "";
        var hrefMatch = AbsHref().Match(href);
        if (!hrefMatch.Success || !ArxivId.TryParse(hrefMatch.Groups["rest"].Value, out var id, out var version))
            throw new ArxivFormatException($"{source}: entry '{ArxivText.Collapse(dt.TextContent)}' has no abstract link with an arXiv id");
        var hasPdf = dt.QuerySelectorAll("a").Any(a => a.GetAttribute("title") == "Download PDF" || (a.GetAttribute("href") ?? "").Contains("/pdf/", StringComparison.Ordinal));
        var dtText = dt.TextContent;
        var kind = dtText.Contains("(replaced)", StringComparison.Ordinal)
            ? (dtText.Contains("cross-list", StringComparison.Ordinal) ? AnnouncementKind.ReplaceCross : AnnouncementKind.Replace)
            : dtText.Contains("cross-list from", StringComparison.Ordinal) ? AnnouncementKind.Cross : AnnouncementKind.New;

        var title = WithoutDescriptor(dd.QuerySelector(".list-title"));
        var authors = dd.QuerySelector(".list-authors")?.QuerySelectorAll("a").Select(a => ArxivText.Collapse(a.TextContent)).Where(a => a.Length > 0).ToList() ?? [];
        var subjects = SubjectText.ParseList(WithoutDescriptor(dd.QuerySelector(".list-subjects")));
        if (subjects.Count == 0) throw new ArxivFormatException($"{source}: entry {id} lists no subjects");
        return new Announcement(id, kind, title, authors, subjects, hasPdf, version);
    }

    private static string WithoutDescriptor(IElement? element)
    {
        if (element is null) return "";
        var text = element.TextContent;
        var descriptor = element.QuerySelector(".descriptor")?.TextContent;
        if (descriptor is not null)
        {
            var at = text.IndexOf(descriptor, StringComparison.Ordinal);
            if (at >= 0) text = text.Remove(at, descriptor.Length);
        }
        return ArxivText.Collapse(text);
    }

    /// <summary><c>Tue, 27 Oct 2020</c>, optionally followed by <c>(showing 50 of 212 entries )</c> or <c>(continued, …)</c>.</summary>
    public static bool TryParseDayHeading(string heading, out DateOnly day, out int? dayTotal)
    {
        day = default;
        dayTotal = null;
        var match = DayHeading().Match(heading);
        if (!match.Success) return false;
        var year = match.Groups["y"].Value;
        if (year.Length == 2) year = "20" + year;
        if (!DateOnly.TryParseExact($"{match.Groups["d"].Value} {match.Groups["m"].Value} {year}", "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return false;
        if (match.Groups["total"].Success) dayTotal = int.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^(?:[A-Z][a-z]{2},\s*)?(?<d>\d{1,2})\s+(?<m>[A-Z][a-z]{2})\s+(?<y>\d{4}|\d{2})\b(?:.*?\bof\s+(?<total>\d+)\s+entries)?", RegexOptions.CultureInvariant)]
    private static partial Regex DayHeading();

    [GeneratedRegex(@"/abs/(?<rest>[^?#\s]+?)/?(?:[?#].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AbsHref();

    [GeneratedRegex(@"[Tt]otal of\s+(?<n>\d+)\s+entries", RegexOptions.CultureInvariant)]
    private static partial Regex TotalEntries();
}
