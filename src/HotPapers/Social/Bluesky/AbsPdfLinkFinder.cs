using System.Text.RegularExpressions;
using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// A stop-gap finder for <c>arxiv.org/abs/…</c> and <c>arxiv.org/pdf/…</c> links, with or without a scheme, as
/// post text and link facets carry them. The full extractor (every link form in the spec) replaces it behind
/// <see cref="IArxivIdFinder"/>.
/// </summary>
internal sealed partial class AbsPdfLinkFinder : IArxivIdFinder
{
    public IReadOnlyList<ArxivId> Find(string textOrUrl)
    {
        // Nearly every post has no arXiv link: skip the regex for those.
        if (!textOrUrl.Contains("arxiv.org/", StringComparison.OrdinalIgnoreCase)) return [];
        List<ArxivId>? found = null;
        foreach (Match match in Link().Matches(textOrUrl))
        {
            var path = match.Groups["path"].Value;
            // Link text shortened for display ("arxiv.org/abs/2401.0...") names no paper; the facet has the full URL.
            if (path.EndsWith("...", StringComparison.Ordinal) || path.EndsWith('\u2026')) continue;
            var url = "https://" + match.Groups["host"].Value.ToLowerInvariant() + path.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"');
            if (!ArxivId.TryFromPaperUrl(url, out var id) || !PlausibleNewStyle(id.Value)) continue;
            found ??= [];
            if (!found.Contains(id)) found.Add(id);
        }
        return found ?? (IReadOnlyList<ArxivId>)[];
    }

    /// <summary>The new-style rules the bare parser leaves out: a real month, 4 digits to 1412, 5 from 1501.</summary>
    private static bool PlausibleNewStyle(string id)
    {
        if (id.Contains('/')) return true;
        var yymm = int.Parse(id.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        var month = yymm % 100;
        var digits = id.Length - 5;
        if (month is < 1 or > 12 || yymm < 704) return false;
        if (id.AsSpan(5).IndexOfAnyExcept('0') < 0) return false;
        return yymm <= 1412 ? digits == 4 : digits == 5;
    }

    // The host must not be part of a longer name (notarxiv.org, arxiv.org.evil.com).
    [GeneratedRegex(@"(?<![\w.-])(?:https?://)?(?<host>(?:www\.|export\.)?arxiv\.org)(?<path>/(?:abs|pdf)/[^\s?#""'<>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
