using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>
/// Finds arXiv ids in text and URLs (external-formats.md §3): new-style <c>YYMM.NNNNN</c> and old-style
/// <c>archive/YYMMNNN</c> ids, bare or after <c>arXiv:</c>, inside paper URLs on arXiv and its mirrors and overlays,
/// and arXiv DOIs. Hand-written span scanning, token first: whether something is an id depends only on the token
/// (the run of text between spaces and brackets) it stands in, and a token admits an id at a handful of places only:
/// its first letter or digit, right after a leading <c>arXiv:</c>, after a '/' of a URL on a known paper host, and
/// after <c>10.48550/arXiv.</c>. So a link elsewhere (news, code, posts) is rejected after a look at its start, its
/// host and one search for the DOI prefix, instead of at every '.' and '/' it holds. Nothing is allocated until a
/// caller asks for a <see cref="ArxivLink"/>.
/// </summary>
public static partial class ArxivIdExtractor
{
    // Every id has a '.' or a '/' in it: only tokens holding one are looked at.
    private static readonly SearchValues<char> Marks = SearchValues.Create("./");

    // The ASCII characters a token is made of; a token ends at the first other one that is a boundary.
    private static readonly SearchValues<char> AsciiTokenChars =
        SearchValues.Create(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !IsTokenBoundary(c)).ToArray());

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
    private static readonly string[] Ar5ivPaths = ["html/", "abs/"];
    private static readonly string[] AlphaXivPaths = ["abs/", "overview/", "pdf/"];

    private const string DoiPrefix = "10.48550/";

    /// <summary>Finds the first id at or after <paramref name="from"/>.</summary>
    public static bool TryFindNext(ReadOnlySpan<char> text, int from, out ArxivMatch match)
    {
        var doi = -2; // where the next DOI prefix at or after the current token is: -2 not looked for yet, -1 none left
        // The token `from` stands in comes first (often the whole text: one URL), without a search for a mark;
        // it may have begun before `from` (ExtractAll resumes inside one), and its start decides what counts.
        var tokenStart = from < text.Length && !IsTokenBoundary(text[from]) ? TokenStart(text, from) : -1;
        var i = from;
        while (true)
        {
            if (tokenStart < 0)
            {
                var k = i < text.Length ? text[i..].IndexOfAny(Marks) : -1;
                if (k < 0) break;
                tokenStart = TokenStart(text, i + k);
            }
            var tokenEnd = TokenEnd(text, Math.Max(tokenStart, i));
            if (TryTokenWithDoi(text, TokenAt(text, tokenStart, tokenEnd), from, ref doi, out match)) return true;
            i = tokenEnd + 1;
            tokenStart = -1;
        }
        match = default;
        return false;
    }

    /// <summary>
    /// One token's match. <paramref name="doi"/> is where the next DOI prefix at or after an earlier token is (-2 not
    /// looked for yet, -1 none left), kept across the tokens of a text so that it is searched for once.
    /// </summary>
    private static bool TryTokenWithDoi(ReadOnlySpan<char> text, in Token token, int from, ref int doi, out ArxivMatch match)
    {
        var (tokenStart, tokenEnd, _, _, _) = token;
        // First without the DOI's candidates, which cost a search over the token. The DOI prefix only adds
        // candidates after its own '/', so a match found without them stands unless the prefix starts before it.
        if (TryToken(text, token, from, hasDoi: false, out match))
        {
            var doiBefore = doi >= tokenStart ? doi < match.Index
                : doi != -1 && text[tokenStart..match.Index].Contains(DoiPrefix, StringComparison.Ordinal);
            if (!doiBefore) return true;
        }
        else
        {
            if (doi != -1 && doi < tokenStart)
            {
                var d = text[tokenStart..].IndexOf(DoiPrefix, StringComparison.Ordinal);
                doi = d < 0 ? -1 : tokenStart + d;
            }
            if (doi < 0 || doi >= tokenEnd) return false;
        }
        return TryToken(text, token, from, hasDoi: true, out match);
    }

    public static bool TryFindFirst(ReadOnlySpan<char> text, out ArxivMatch match) => TryFindNext(text, 0, out match);

    /// <summary>The first paper a text or URL refers to.</summary>
    public static bool TryExtract(ReadOnlySpan<char> text, out ArxivLink link)
    {
        if (TryFindFirst(text, out var match))
        {
            link = match.ToLink(text);
            return true;
        }
        link = default;
        return false;
    }

    /// <summary>Every reference in order of appearance, the same id repeated as often as it occurs.</summary>
    public static List<ArxivLink> ExtractAll(ReadOnlySpan<char> text)
    {
        var links = new List<ArxivLink>();
        var from = 0;
        while (TryFindNext(text, from, out var match))
        {
            links.Add(match.ToLink(text));
            from = match.End;
        }
        return links;
    }

    /// <summary>The distinct papers referenced by any of the texts (URLs, expanded URLs, post text), first seen first.</summary>
    public static List<ArxivId> DistinctIds(IEnumerable<string?> texts)
    {
        var ids = new List<ArxivId>();
        foreach (var text in texts) AddDistinctIds(ids, text);
        return ids;
    }

    /// <summary>Adds the papers <paramref name="text"/> references that are not in <paramref name="ids"/> yet, in order of appearance.</summary>
    public static void AddDistinctIds(List<ArxivId> ids, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var from = 0;
        while (TryFindNext(text, from, out var match))
        {
            var link = match.ToLink(text);
            if (!ids.Contains(link.Id)) ids.Add(link.Id);
            from = match.End;
        }
    }

    /// <summary>What is known of the token an id candidate stands in: where it starts and ends, and the paper host it names.</summary>
    private readonly record struct Token(int Start, int End, PaperHost Host, int HostEnd, int SchemeLength);

    private static Token TokenAt(ReadOnlySpan<char> text, int tokenStart, int tokenEnd)
    {
        var host = UrlHost(text[tokenStart..tokenEnd], out var hostEnd, out var schemeLength);
        return new Token(tokenStart, tokenEnd, host, hostEnd, schemeLength);
    }

    /// <summary>
    /// The places in one token where an id can start, in order (an id's '.' or '/' must lie at or after
    /// <paramref name="from"/>); each is checked in full by <see cref="TryNewStyle"/> or <see cref="TryOldStyle"/>.
    /// </summary>
    private static bool TryToken(ReadOnlySpan<char> text, in Token token, int from, bool hasDoi, out ArxivMatch match)
    {
        var (tokenStart, tokenEnd, host, hostEnd, _) = token;
        var span = text[tokenStart..tokenEnd];

        // In text an id stands first in its token, after punctuation at most ("(2010.13581", "…2010.13581"). A token
        // that starts with http(s):// starts with a letter run ended by ':' or a capital: neither an id nor `arXiv:`.
        match = default;
        if (token.SchemeLength < 7)
        {
            var first = 0;
            while (first < span.Length && !char.IsAsciiLetterOrDigit(span[first]) && span[first] != '/') first++;
            if (first == span.Length) return false;
            if (TryAt(text, tokenStart + first, token, from, out match)) return true;
            if (span[0] is 'a' or 'A' && StartsWithIgnoreCase(span, "arxiv:") && TryAt(text, tokenStart + 6, token, from, out match)) return true;
        }

        // Anywhere else only after a '/': of a paper URL on a known host, or of the arXiv DOI prefix.
        if (host == PaperHost.None && !hasDoi) return false;
        var slash = hasDoi ? span.IndexOf('/') : hostEnd;
        while (slash >= 0)
        {
            var next = tokenStart + slash + 1;
            var rest = text[next..tokenEnd];
            if (host != PaperHost.None && slash >= hostEnd)
            {
                if (TryAt(text, next, token, from, out match)) return true;
                if (StartsWithIgnoreCase(rest, "arxiv:") && TryAt(text, next + 6, token, from, out match)) return true;
            }
            if (hasDoi && slash >= 8 && span.Slice(slash - 8, 8).SequenceEqual(DoiPrefix.AsSpan(0, 8)) && StartsWithIgnoreCase(rest, "arxiv.")
                && TryAt(text, next + 6, token, from, out match))
                return true;
            var k = IndexOfSlash(rest);
            slash = k < 0 ? -1 : slash + 1 + k;
        }
        return false;
    }

    /// <summary>An id starting at <paramref name="at"/>: new style if a digit stands there, old style if a lower-case letter.</summary>
    private static bool TryAt(ReadOnlySpan<char> text, int at, in Token token, int from, out ArxivMatch match)
    {
        match = default;
        if (at >= token.End) return false;
        var c = text[at];
        if (char.IsAsciiDigit(c))
        {
            var dot = at + 4;
            return dot < token.End && dot >= from && text[dot] == '.' && TryNewStyle(text, dot, token, out match);
        }
        if (!char.IsAsciiLetterLower(c)) return false;
        var end = at + 1;
        while (end < token.End && (char.IsAsciiLetterLower(text[end]) || text[end] == '-')) end++;
        int slash;
        if (end < token.End && text[end] == '/') slash = end;
        else if (end + 3 < token.End && text[end] == '.' && char.IsAsciiLetterUpper(text[end + 1]) && char.IsAsciiLetterUpper(text[end + 2])
                 && text[end + 3] == '/')
            slash = end + 3;
        else return false;
        return slash >= from && TryOldStyle(text, slash, token, out match);
    }

    /// <summary>New style at the '.': 4 digits before, 4 (YYMM ≤ 1412) or 5 (YYMM ≥ 1501) after.</summary>
    private static bool TryNewStyle(ReadOnlySpan<char> text, int dot, in Token token, out ArxivMatch match)
    {
        match = default;
        if (!IsNewStyleId(text, dot, out var idEnd)) return false;
        var start = dot - 4;
        var kind = Preceded(text, start, token, newStyle: true);
        if (kind is null) return false;
        var (version, end) = kind == ArxivLinkKind.Doi ? (0, idEnd) : ReadVersion(text, idEnd);
        match = new ArxivMatch(start, idEnd - start, end, version, -1, kind.Value);
        return true;
    }

    /// <summary>
    /// The digits around the '.' of a new-style id, without a look at what stands before it (nor at the '.': the
    /// caller has). The nine characters of <c>YYMM.NNNN</c> are one slice with constant indexes (no bounds checks),
    /// and the fifth digit after the '.' and the sixth that rules it out are read only past it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNewStyleId(ReadOnlySpan<char> text, int dot, out int idEnd)
    {
        idEnd = 0;
        var start = dot - 4;
        if (start < 0 || dot + 5 > text.Length) return false;
        var id = text.Slice(start, 9);
        int y1 = id[0] - '0', y2 = id[1] - '0', m1 = id[2] - '0', m2 = id[3] - '0';
        if ((uint)y1 > 9 || (uint)y2 > 9 || (uint)m1 > 9 || (uint)m2 > 9) return false;
        var mm = m1 * 10 + m2;
        if (mm is < 1 or > 12) return false;
        var yymm = (y1 * 10 + y2) * 100 + mm;
        if (yymm < 704) return false; // before April 2007 the old scheme was in use
        if (!char.IsAsciiDigit(id[5]) || !char.IsAsciiDigit(id[6]) || !char.IsAsciiDigit(id[7]) || !char.IsAsciiDigit(id[8])) return false;
        var digits = id[5] | id[6] | id[7] | id[8]; // of digits, '0' only when all are '0'
        var end = dot + 5;
        if (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            digits |= text[end];
            end++;
            if (yymm < 1501 || (end < text.Length && char.IsAsciiDigit(text[end]))) return false; // five digits from 2015, never six
        }
        else if (yymm > 1412) return false; // four digits until 2014
        if (digits == '0') return false;
        idEnd = end;
        return true;
    }

    /// <summary>Old style at the '/': a pre-2007 archive (with an optional subject class) before, YYMMNNN after.</summary>
    private static bool TryOldStyle(ReadOnlySpan<char> text, int slash, in Token token, out ArxivMatch match)
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
        var kind = Preceded(text, archiveStart, token, newStyle: false);
        if (kind is null) return false;
        var (version, end) = kind == ArxivLinkKind.Doi ? (0, idEnd) : ReadVersion(text, idEnd);
        match = new ArxivMatch(archiveStart, idEnd - archiveStart, end, version, subjectClassAt, kind.Value);
        return true;
    }

    /// <summary>An optional <c>vN</c> (N ≥ 1). <c>v0</c> does not exist: the id is kept, without a version.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    private static ArxivLinkKind? Preceded(ReadOnlySpan<char> text, int idStart, in Token token, bool newStyle)
    {
        if (idStart > 0)
        {
            var before = text[idStart - 1];
            if (before == '.')
                return EndsWithIgnoreCase(text[..idStart], "10.48550/arxiv.") && DoiBoundary(text, idStart - "10.48550/arxiv.".Length)
                    ? ArxivLinkKind.Doi : null;
            if (char.IsAsciiLetterOrDigit(before) || before == '-') return null;
        }

        var prefix = text[token.Start..idStart];
        if (prefix.IsEmpty) return ArxivLinkKind.Text;
        if (EndsWithIgnoreCase(prefix, "arxiv:") && prefix.Length == 6) return ArxivLinkKind.Text;
        // In a token on a paper host, a prefix past the host holds the '/' that ends it.
        var pastHost = token.Host != PaperHost.None && prefix.Length > token.HostEnd;
        if (!pastHost && !prefix.Contains('/')) return prefix.ContainsAnyInRange('0', '9') || ContainsAsciiLetter(prefix) ? null : ArxivLinkKind.Text;
        return IsPaperUrlPrefix(prefix, token, newStyle) ? ArxivLinkKind.Url : null;
    }

    /// <summary>
    /// A URL up to the id: scheme (optional), a known host, and that host's path to a paper. Scheme and host are the
    /// token's (<see cref="UrlHost"/>): a prefix that holds the '/' after the host names the same ones, and one that
    /// does not names no host.
    /// </summary>
    private static bool IsPaperUrlPrefix(ReadOnlySpan<char> prefix, in Token token, bool newStyle)
    {
        if (token.Host == PaperHost.None || prefix.Length <= token.HostEnd) return false;
        if (token.SchemeLength == 0 && prefix.IndexOf("://") >= 0) return false;
        var path = prefix[(token.HostEnd + 1)..];
        // The server strips an "arXiv:" before the id (…/abs/arXiv:2010.13581); so do we.
        if (EndsWithIgnoreCase(path, "arxiv:")) path = path[..^6];
        return token.Host switch
        {
            PaperHost.Arxiv => IsOneOfIgnoreCase(path, ArxivPaths),
            PaperHost.Ar5iv => IsOneOfIgnoreCase(path, Ar5ivPaths),
            PaperHost.AlphaXiv => IsOneOfIgnoreCase(path, AlphaXivPaths),
            PaperHost.HuggingFace => newStyle && EqualsIgnoreCase(path, "papers/"),
            PaperHost.ArxivPath => EqualsIgnoreCase(path, "arxiv/"),
            PaperHost.SemanticScholarApi => EqualsIgnoreCase(path, "graph/v1/paper/"),
            _ => false,
        };
    }

    /// <summary>The hosts whose paper paths can hold an id, grouped by the paths they use.</summary>
    private enum PaperHost { None, Arxiv, Ar5iv, AlphaXiv, HuggingFace, ArxivPath, SemanticScholarApi }

    /// <summary>
    /// The paper host a URL (or a token that starts like one) names: after an optional scheme, the host runs to the
    /// first '/', at <paramref name="hostEnd"/>; <c>www.</c> is ignored.
    /// </summary>
    private static PaperHost UrlHost(ReadOnlySpan<char> url, out int hostEnd, out int schemeLength)
    {
        schemeLength = SchemeLength(url);
        var slash = IndexOfSlash(url[schemeLength..]);
        hostEnd = schemeLength + slash;
        return slash <= 0 ? PaperHost.None : PaperHostOf(url[schemeLength..hostEnd]);
    }

    /// <summary>The paper host a host name is (<see cref="UrlHost"/>); most hosts are ruled out here, inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PaperHost PaperHostOf(ReadOnlySpan<char> host)
    {
        if (host.Length < 5) return PaperHost.None; // the shortest is hf.co
        if (host is "arxiv.org") return PaperHost.Arxiv; // the paper host most links name, as they write it
        // Most links are elsewhere: their last four characters (ASCII, any case) already rule out every paper host.
        var tail = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(host[^4..]));
        if ((tail & NotAscii4) == 0)
        {
            var lower = tail | Lower4;
            if (lower == DotCom)
            {
                // Only (www.)scirate.com: 11 or 15 characters, "rate" before ".com" (twitter.com and www.youtube.com are as long).
                if (host.Length is not (11 or 15)) return PaperHost.None;
                var rate = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(host[^8..^4]));
                if ((rate & NotAscii4) == 0 && (rate | Lower4) != Rate) return PaperHost.None;
            }
            else if (lower != DotOrg && lower != FdotCo && lower != EdotCo && lower != Cool && lower != DotGov) return PaperHost.None;
        }
        return UrlHostByName(host);
    }

    /// <summary>
    /// Whether a host's last four characters rule out every paper host and DOI resolver, which all end in one of six
    /// (<see cref="HostTails"/>): false when they may not, or are not ASCII. One multiply finds the only tail of the
    /// six it could be, so a random mix of hosts costs one compare and one well-predicted branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOtherHostTail(ReadOnlySpan<char> lastFour)
    {
        var tail = Read4(lastFour);
        if ((tail & NotAscii4) != 0) return false;
        var lower = tail | Lower4;
        return HostTails[(int)((lower * HostTailMultiplier) >> 61)] != lower;
    }

    // The six tails at the slots the multiplier sends them to (found by search; the empty slots hold 0, which no
    // lower-cased tail equals): hf.co, huggingface.co, papers.cool, xxx.lanl.gov, scirate.com, and the .org hosts
    // (arXiv, its mirrors and overlays, semanticscholar, doi.org).
    private const ulong HostTailMultiplier = 0x8034_68B6_B610_A9F7UL;
    private static ReadOnlySpan<ulong> HostTails => [FdotCo, 0, 0, DotGov, EdotCo, Cool, DotCom, DotOrg];

    // Four UTF-16 characters read as one 64-bit word (little-endian): constants, so that no static field is read.
    private const ulong NotAscii4 = 0xFF80_FF80_FF80_FF80UL;
    private const ulong Lower4 = 0x0020_0020_0020_0020UL; // sets the case bit of four ASCII letters
    private const ulong DotCom = 0x006D_006F_0063_002EUL; // ".com"
    private const ulong Rate = 0x0065_0074_0061_0072UL; // "rate"
    private const ulong DotOrg = 0x0067_0072_006F_002EUL; // ".org"
    private const ulong FdotCo = 0x006F_0063_002E_0066UL; // "f.co" (hf.co)
    private const ulong EdotCo = 0x006F_0063_002E_0065UL; // "e.co" (huggingface.co)
    private const ulong Cool = 0x006C_006F_006F_0063UL; // "cool"
    private const ulong DotGov = 0x0076_006F_0067_002EUL; // ".gov"

    /// <summary>The paper host a host name (before the first '/' of a URL) is, ignoring case and a leading <c>www.</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PaperHost UrlHostByName(ReadOnlySpan<char> host)
    {
        if (host.Length > 4 && host[0] is 'w' or 'W' && StartsWithIgnoreCase(host, "www.")) host = host[4..];
        if (host.Length >= 10 && EndsWithIgnoreCase(host, ".arxiv.org")) return PaperHost.Arxiv;
        return host.Length switch
        {
            5 when Is(host, "hf.co") => PaperHost.HuggingFace,
            9 when Is(host, "arxiv.org") => PaperHost.Arxiv,
            9 when Is(host, "ar5iv.org") => PaperHost.Ar5iv,
            11 when Is(host, "papers.cool") || Is(host, "scirate.com") => PaperHost.ArxivPath,
            12 when Is(host, "xxx.lanl.gov") => PaperHost.Arxiv,
            12 when Is(host, "alphaxiv.org") => PaperHost.AlphaXiv,
            14 when Is(host, "huggingface.co") => PaperHost.HuggingFace,
            19 when Is(host, "semanticscholar.org") => PaperHost.ArxivPath,
            23 when Is(host, "api.semanticscholar.org") => PaperHost.SemanticScholarApi,
            _ => PaperHost.None,
        };

        static bool Is(ReadOnlySpan<char> host, string name) => EqualsIgnoreCase(host, name);
    }

    /// <summary>
    /// The first '/'. Hosts and path segments are short: a plain loop over a short span, or one 16-character compare in
    /// a vector register, usually finds it without the call into the framework's search, which costs more here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfSlash(ReadOnlySpan<char> s)
    {
        if (s.Length < 16)
        {
            for (var i = 0; i < s.Length; i++)
                if (s[i] == '/') return i;
            return -1;
        }
        if (Vector256.IsHardwareAccelerated && s.Length >= Vector256<ushort>.Count)
        {
            var chars = Vector256.Create(MemoryMarshal.Cast<char, ushort>(s));
            var mask = Vector256.Equals(chars, Vector256.Create((ushort)'/')).ExtractMostSignificantBits();
            if (mask != 0) return BitOperations.TrailingZeroCount(mask);
            if (s.Length >= 2 * Vector256<ushort>.Count)
            {
                chars = Vector256.Create(MemoryMarshal.Cast<char, ushort>(s[Vector256<ushort>.Count..]));
                mask = Vector256.Equals(chars, Vector256.Create((ushort)'/')).ExtractMostSignificantBits();
                if (mask != 0) return Vector256<ushort>.Count + BitOperations.TrailingZeroCount(mask);
            }
            var k = s[Vector256<ushort>.Count..].IndexOf('/');
            return k < 0 ? -1 : Vector256<ushort>.Count + k;
        }
        return s.IndexOf('/');
    }

    /// <summary>8 for <c>https://</c>, 7 for <c>http://</c> (any case), 2 for <c>//</c>, else 0.</summary>
    private static int SchemeLength(ReadOnlySpan<char> url)
    {
        var http = HttpSchemeLength(url);
        if (http != 0) return http;
        if (url.Length >= 8 && (ReadTwoWords(url) & NotAscii4) == 0) return url.StartsWith("//") ? 2 : 0;
        // Short, or not ASCII: a non-ASCII letter may still equal an ASCII one ignoring case (U+017F is 's').
        return url.IsEmpty ? 0
            : url[0] is 'h' or 'H' ? StartsWithIgnoreCase(url, "https://") ? 8 : StartsWithIgnoreCase(url, "http://") ? 7 : 0
            : url.StartsWith("//") ? 2 : 0;
    }

    /// <summary>
    /// 8 for <c>https://</c>, 7 for <c>http://</c> (any case), when the URL's first eight characters are ASCII; else 0,
    /// and <see cref="SchemeLength"/> decides. Every link is read here: eight characters as two 64-bit words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HttpSchemeLength(ReadOnlySpan<char> url)
    {
        if (url.Length < 8) return 0;
        var bytes = MemoryMarshal.AsBytes(url[..8]);
        ulong first = MemoryMarshal.Read<ulong>(bytes), next = MemoryMarshal.Read<ulong>(bytes[8..]);
        if (((first | next) & NotAscii4) != 0 || (first | Lower4) != Http) return 0;
        if ((next | 0x20UL) == SColonSlashSlash) return 8;
        return (next & 0x0000_FFFF_FFFF_FFFFUL) == ColonSlashSlash ? 7 : 0;
    }

    /// <summary>The first eight characters' bits or-ed together as one word (only its ASCII test is meaningful).</summary>
    private static ulong ReadTwoWords(ReadOnlySpan<char> url)
    {
        var bytes = MemoryMarshal.AsBytes(url[..8]);
        return MemoryMarshal.Read<ulong>(bytes) | MemoryMarshal.Read<ulong>(bytes[8..]);
    }

    private const ulong Http = 0x0070_0074_0074_0068UL; // "http"
    private const ulong SColonSlashSlash = 0x002F_002F_003A_0073UL; // "s://"
    private const ulong ColonSlashSlash = 0x0000_002F_002F_003AUL; // "://"

    private static int TokenStart(ReadOnlySpan<char> text, int at)
    {
        while (at > 0 && !IsTokenBoundary(text[at - 1])) at--;
        return at;
    }

    private static int TokenEnd(ReadOnlySpan<char> text, int at)
    {
        while (true)
        {
            // Vectorised over ASCII; a non-ASCII character stops it and is a boundary only if it is white space.
            var k = text[at..].IndexOfAnyExcept(AsciiTokenChars);
            if (k < 0) return text.Length;
            at += k;
            if (IsTokenBoundary(text[at])) return at;
            at++;
        }
    }

    private static bool DoiBoundary(ReadOnlySpan<char> text, int doiStart) =>
        doiStart == 0 || !(char.IsAsciiLetterOrDigit(text[doiStart - 1]) || text[doiStart - 1] is '.' or '-');

    // The ASCII token boundaries as a 128-bit set, for short inline checks (a call into SearchValues costs more there).
    private static readonly ulong BoundariesBelow64 = AsciiBoundaries(0), BoundariesFrom64 = AsciiBoundaries(64);

    private static ulong AsciiBoundaries(int from)
    {
        var set = 0UL;
        for (var c = 0; c < 64; c++)
            if (IsTokenBoundary((char)(from + c))) set |= 1UL << c;
        return set;
    }

    /// <summary>Whether a short span is ASCII without a token boundary: what <see cref="AsciiTokenChars"/> holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiToken(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c >= 128 || (((c < 64 ? BoundariesBelow64 : BoundariesFrom64) >> c) & 1) != 0) return false;
        return true;
    }

    private static bool IsTokenBoundary(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '<' or '>' or '"' or '\'' or '{' or '}' or '|' or '`' or '*';

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        // Four or seven characters: a plain loop beats a vectorised search at this length.
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

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
            if (EqualsIgnoreCase(s, option)) return true;
        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, string value) =>
        s.Length >= value.Length && EqualsIgnoreCase(s[..value.Length], value);

    private static bool EndsWithIgnoreCase(ReadOnlySpan<char> s, string value) =>
        s.Length >= value.Length && EqualsIgnoreCase(s[^value.Length..], value);

    /// <summary>
    /// Ordinal, ignoring case, against a lower-case ASCII literal. The literals are short and compared often: ASCII is
    /// compared four characters at a time (<see cref="LowerAscii4"/>, the last four overlapping), shorter ones in a
    /// plain loop; a non-ASCII character leaves the decision to the framework's comparison.
    /// </summary>
    private static bool EqualsIgnoreCase(ReadOnlySpan<char> s, string lowerAscii)
    {
        if (s.Length != lowerAscii.Length) return false;
        if (s.Length >= 4)
        {
            ReadOnlySpan<char> literal = lowerAscii;
            var last = s.Length - 4;
            for (var i = 0; ; i += 4)
            {
                if (i > last) i = last;
                var word = Read4(s.Slice(i, 4));
                if ((word & NotAscii4) != 0) return s.Equals(lowerAscii, StringComparison.OrdinalIgnoreCase);
                if (LowerAscii4(word) != Read4(literal.Slice(i, 4))) return false;
                if (i == last) return true;
            }
        }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var l = lowerAscii[i];
            if (c == l) continue;
            if (c > 0x7F) return s.Equals(lowerAscii, StringComparison.OrdinalIgnoreCase);
            if (!char.IsAsciiLetterLower(l) || (c | 0x20) != l) return false;
        }
        return true;
    }

    /// <summary>Four UTF-16 characters as one 64-bit word, the first in the low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read4(ReadOnlySpan<char> four) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(four));

    /// <summary>
    /// Four ASCII characters with 'A'–'Z' made lower case and nothing else changed: a lane gets bit 7 from adding 0x3F
    /// when it is at least 'A', and not from adding 0x25 when it is at most 'Z' (no lane carries into the next).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowerAscii4(ulong ascii)
    {
        var upper = (ascii + 0x003F_003F_003F_003FUL) & ~(ascii + 0x0025_0025_0025_0025UL) & 0x0080_0080_0080_0080UL;
        return ascii | (upper >> 2);
    }
}
