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
            var url = "https://" + match.Groups["host"].Value.ToLowerInvariant() + match.Groups["path"].Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"');
            if (!ArxivId.TryFromPaperUrl(url, out var id)) continue;
            found ??= [];
            if (!found.Contains(id)) found.Add(id);
        }
        return found ?? (IReadOnlyList<ArxivId>)[];
    }

    // The host must not be part of a longer name (notarxiv.org, arxiv.org.evil.com).
    [GeneratedRegex(@"(?<![\w.-])(?:https?://)?(?<host>(?:www\.|export\.)?arxiv\.org)(?<path>/(?:abs|pdf)/[^\s?#""'<>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
