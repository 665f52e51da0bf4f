using System.Buffers;
using HotPapers.Arxiv;

namespace HotPapers.Tests.Arxiv.Extraction;

/// <summary>
/// The extractor as it was before the token-first scan (issue 14), kept verbatim as the model the fast scanner is
/// checked against: it tries every '.' and '/' of the text, so it is slow but obviously complete. The differential
/// tests require both to find the same matches, in the same order, from any start.
/// </summary>
internal static class ReferenceArxivIdExtractor
{
    private static readonly SearchValues<char> Marks = SearchValues.Create("./");

    // Pre-2007 archives; the only ones that can stand before an old-style number.
    private static readonly string[] OldArchives =
    [
        "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn", "chem-ph", "cmp-lg",
        "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math",
        "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio",
        "quant-ph", "solv-int", "supr-con",
    ];

    // Only these archives ever carried a two-letter subject class in an id (math.GT/0309136).
    private static readonly string[] ArchivesWithSubjectClass = ["math", "cs", "nlin", "q-bio"];

    private static readonly string[] ArxivPaths = ["abs/", "pdf/", "html/", "format/", "ps/", "src/", "e-print/"];

    /// <summary>Finds the first id at or after <paramref name="from"/>.</summary>
    public static bool TryFindNext(ReadOnlySpan<char> text, int from, out ArxivMatch match)
    {
        var i = from;
        while (i < text.Length)
        {
            var k = text[i..].IndexOfAny(Marks);
            if (k < 0) break;
            var at = i + k;
            if (text[at] == '.' ? TryNewStyle(text, at, out match) : TryOldStyle(text, at, out match)) return true;
            i = at + 1;
        }
        match = default;
        return false;
    }

    /// <summary>New style at the '.': 4 digits before, 4 (YYMM ≤ 1412) or 5 (YYMM ≥ 1501) after.</summary>
    private static bool TryNewStyle(ReadOnlySpan<char> text, int dot, out ArxivMatch match)
    {
        match = default;
        var start = dot - 4;
        if (start < 0 || !AllDigits(text.Slice(start, 4))) return false;
        var yy = Digit(text[start]) * 10 + Digit(text[start + 1]);
        var mm = Digit(text[start + 2]) * 10 + Digit(text[start + 3]);
        if (mm is < 1 or > 12) return false;
        var yymm = yy * 100 + mm;
        if (yymm < 704) return false; // before April 2007 the old scheme was in use

        var n = 0;
        var allZero = true;
        while (dot + 1 + n < text.Length && n <= 5 && char.IsAsciiDigit(text[dot + 1 + n]))
        {
            if (text[dot + 1 + n] != '0') allZero = false;
            n++;
        }
        if (allZero || (n == 4 ? yymm > 1412 : n != 5 || yymm < 1501)) return false;

        var idEnd = dot + 1 + n;
        var kind = Preceded(text, start, newStyle: true);
        if (kind is null) return false;
        var (version, end) = kind == ArxivLinkKind.Doi ? (0, idEnd) : ReadVersion(text, idEnd);
        match = new ArxivMatch(start, idEnd - start, end, version, -1, kind.Value);
        return true;
    }

    /// <summary>Old style at the '/': a pre-2007 archive (with an optional subject class) before, YYMMNNN after.</summary>
    private static bool TryOldStyle(ReadOnlySpan<char> text, int slash, out ArxivMatch match)
    {
        match = default;
        var numStart = slash + 1;
        if (numStart + 7 > text.Length || !AllDigits(text.Slice(numStart, 7))) return false;
        if (numStart + 7 < text.Length && char.IsAsciiDigit(text[numStart + 7])) return false;
        var yy = Digit(text[numStart]) * 10 + Digit(text[numStart + 1]);
        var mm = Digit(text[numStart + 2]) * 10 + Digit(text[numStart + 3]);
        var num = Digit(text[numStart + 4]) * 100 + Digit(text[numStart + 5]) * 10 + Digit(text[numStart + 6]);
        var year = yy >= 91 ? 1900 + yy : 2000 + yy;
        if (mm is < 1 or > 12 || num == 0 || year > 2007 || (year == 2007 && mm > 3) || (year == 1991 && mm < 7)) return false;

        var archiveEnd = slash;
        var subjectClassAt = -1;
        if (slash >= 3 && text[slash - 3] == '.' && char.IsAsciiLetterUpper(text[slash - 2]) && char.IsAsciiLetterUpper(text[slash - 1]))
            archiveEnd = slash - 3;
        var archiveStart = archiveEnd;
        while (archiveStart > 0 && (char.IsAsciiLetterLower(text[archiveStart - 1]) || text[archiveStart - 1] == '-')) archiveStart--;
        var archive = text[archiveStart..archiveEnd];
        if (!IsOneOf(archive, OldArchives)) return false;
        if (archiveEnd != slash)
        {
            if (!IsOneOf(archive, ArchivesWithSubjectClass)) return false;
            subjectClassAt = archiveEnd - archiveStart;
        }

        var idEnd = numStart + 7;
        var kind = Preceded(text, archiveStart, newStyle: false);
        if (kind is null) return false;
        var (version, end) = kind == ArxivLinkKind.Doi ? (0, idEnd) : ReadVersion(text, idEnd);
        match = new ArxivMatch(archiveStart, idEnd - archiveStart, end, version, subjectClassAt, kind.Value);
        return true;
    }

    /// <summary>An optional <c>vN</c> (N ≥ 1). <c>v0</c> does not exist: the id is kept, without a version.</summary>
    private static (int Version, int End) ReadVersion(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 >= text.Length || (text[at] != 'v' && text[at] != 'V') || text[at + 1] is < '1' or > '9') return (0, at);
        var version = 0;
        var i = at + 1;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            if (version > 99_999) return (0, at); // absurd: keep the id, drop the version
            version = version * 10 + Digit(text[i]);
            i++;
        }
        return (version, i);
    }

    /// <summary>
    /// Decides from what stands before the id whether it is one: nothing (or <c>arXiv:</c>, or punctuation) in text,
    /// a known paper path on a known host in a URL, or the arXiv DOI prefix. Null when it is not an id.
    /// </summary>
    private static ArxivLinkKind? Preceded(ReadOnlySpan<char> text, int idStart, bool newStyle)
    {
        if (idStart > 0)
        {
            var before = text[idStart - 1];
            if (before == '.')
                return EndsWithIgnoreCase(text[..idStart], "10.48550/arxiv.") && DoiBoundary(text, idStart - "10.48550/arxiv.".Length)
                    ? ArxivLinkKind.Doi : null;
            if (char.IsAsciiLetterOrDigit(before) || before == '-') return null;
        }

        var tokenStart = idStart;
        while (tokenStart > 0 && !IsTokenBoundary(text[tokenStart - 1])) tokenStart--;
        var prefix = text[tokenStart..idStart];
        if (prefix.IsEmpty) return ArxivLinkKind.Text;
        if (EndsWithIgnoreCase(prefix, "arxiv:") && prefix.Length == 6) return ArxivLinkKind.Text;
        if (!prefix.Contains('/')) return prefix.ContainsAnyInRange('0', '9') || ContainsAsciiLetter(prefix) ? null : ArxivLinkKind.Text;
        return IsPaperUrlPrefix(prefix, newStyle) ? ArxivLinkKind.Url : null;
    }

    /// <summary>A URL up to the id: scheme (optional), a known host, and that host's path to a paper.</summary>
    private static bool IsPaperUrlPrefix(ReadOnlySpan<char> prefix, bool newStyle)
    {
        var rest = prefix;
        if (StartsWithIgnoreCase(rest, "https://")) rest = rest[8..];
        else if (StartsWithIgnoreCase(rest, "http://")) rest = rest[7..];
        else if (rest.StartsWith("//")) rest = rest[2..];
        else if (rest.IndexOf("://") >= 0) return false;

        var slash = rest.IndexOf('/');
        if (slash <= 0) return false;
        var host = rest[..slash];
        var path = rest[(slash + 1)..];
        if (StartsWithIgnoreCase(host, "www.")) host = host[4..];
        // The server strips an "arXiv:" before the id (…/abs/arXiv:2010.13581); so do we.
        if (EndsWithIgnoreCase(path, "arxiv:")) path = path[..^6];

        if (host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase) || EndsWithIgnoreCase(host, ".arxiv.org")
            || host.Equals("xxx.lanl.gov", StringComparison.OrdinalIgnoreCase))
            return IsOneOfIgnoreCase(path, ArxivPaths);
        if (host.Equals("ar5iv.org", StringComparison.OrdinalIgnoreCase))
            return IsOneOfIgnoreCase(path, ["html/", "abs/"]);
        if (host.Equals("alphaxiv.org", StringComparison.OrdinalIgnoreCase))
            return IsOneOfIgnoreCase(path, ["abs/", "overview/", "pdf/"]);
        if (host.Equals("huggingface.co", StringComparison.OrdinalIgnoreCase) || host.Equals("hf.co", StringComparison.OrdinalIgnoreCase))
            return newStyle && path.Equals("papers/", StringComparison.OrdinalIgnoreCase);
        if (host.Equals("semanticscholar.org", StringComparison.OrdinalIgnoreCase)
            || host.Equals("papers.cool", StringComparison.OrdinalIgnoreCase) || host.Equals("scirate.com", StringComparison.OrdinalIgnoreCase))
            return path.Equals("arxiv/", StringComparison.OrdinalIgnoreCase);
        if (host.Equals("api.semanticscholar.org", StringComparison.OrdinalIgnoreCase))
            return path.Equals("graph/v1/paper/", StringComparison.OrdinalIgnoreCase);
        return false;
    }

    private static bool DoiBoundary(ReadOnlySpan<char> text, int doiStart) =>
        doiStart == 0 || !(char.IsAsciiLetterOrDigit(text[doiStart - 1]) || text[doiStart - 1] is '.' or '-');

    private static bool IsTokenBoundary(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '<' or '>' or '"' or '\'' or '{' or '}' or '|' or '`' or '*';

    private static bool AllDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    private static int Digit(char c) => c - '0';

    private static bool ContainsAsciiLetter(ReadOnlySpan<char> s) => s.ContainsAnyInRange('a', 'z') || s.ContainsAnyInRange('A', 'Z');

    private static bool IsOneOf(ReadOnlySpan<char> s, string[] options)
    {
        foreach (var option in options)
            if (s.SequenceEqual(option)) return true;
        return false;
    }

    private static bool IsOneOfIgnoreCase(ReadOnlySpan<char> s, string[] options)
    {
        foreach (var option in options)
            if (s.Equals(option, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, string value) => s.StartsWith(value, StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithIgnoreCase(ReadOnlySpan<char> s, string value) => s.EndsWith(value, StringComparison.OrdinalIgnoreCase);
}
