using System.Text.RegularExpressions;

namespace HotPapers.Domain;

/// <summary>
/// A canonical arXiv identifier without its version: <c>2010.13581</c> (new style) or
/// <c>hep-th/9901001</c> (old style). Construct it only through <see cref="Parse"/> or
/// <see cref="TryParse"/>, so an <see cref="ArxivId"/> in hand is always well formed.
/// </summary>
public readonly partial record struct ArxivId
{
    private ArxivId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static ArxivId Parse(string text) =>
        TryParse(text, out var id, out _) ? id : throw new FormatException($"not an arXiv id: '{text}'");

    public static bool TryParse(string? text, out ArxivId id) => TryParse(text, out id, out _);

    /// <summary>Parses a bare id with an optional version suffix; <paramref name="version"/> is 0 when absent.</summary>
    public static bool TryParse(string? text, out ArxivId id, out int version)
    {
        id = default;
        version = 0;
        if (string.IsNullOrEmpty(text)) return false;
        var match = BareId().Match(text);
        if (!match.Success) return false;
        id = new ArxivId(match.Groups["id"].Value);
        if (match.Groups["v"].Success) version = int.Parse(match.Groups["v"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// The id behind an <c>arxiv.org/abs/…</c> or <c>arxiv.org/pdf/…</c> link, as the posts print them.
    /// The full extractor for every link form lives in <c>Arxiv/ArxivIdExtractor</c>.
    /// </summary>
    public static bool TryFromPaperUrl(string url, out ArxivId id)
    {
        id = default;
        var match = PaperUrl().Match(url);
        return match.Success && TryParse(match.Groups["rest"].Value, out id);
    }

    // New style: YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015 on). Old style: archive(.SUBJ)/YYMMNNN.
    [GeneratedRegex(@"^(?<id>(?:\d{4}\.\d{4,5})|(?:[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}))(?:v(?<v>\d+))?$")]
    private static partial Regex BareId();

    [GeneratedRegex(@"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?<rest>[^?#]+?)(?:\.pdf)?/?$")]
    private static partial Regex PaperUrl();
}
