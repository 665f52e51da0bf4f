using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

public static partial class ArxivIdExtractor
{
    /// <summary>
    /// The first paper a link field names (an X expanded or unwound URL, a Bluesky link facet or external embed, a
    /// Hacker News story URL). It decides on the host right after the scheme: an <c>http(s)://</c> URL on a host that
    /// is neither a paper host nor a DOI resolver names no paper, without a look at the rest; any other URL gets
    /// <see cref="TryExtract"/>. That gives up exactly two things <see cref="TryExtract"/> finds in such a URL: an arXiv
    /// DOI inside it (<c>https://scholar.example/?q=10.48550/arXiv.2010.13581</c>) and an id standing after a space,
    /// bracket or quote inside it (<c>https://example.com/notes_(2010.13581)</c>). A paper URL wrapped in another
    /// site's query string is not found by either. Post text still goes through <see cref="TryExtract"/>.
    /// </summary>
    public static bool TryExtractFromUrl(ReadOnlySpan<char> url, out ArxivLink link)
    {
        // Written for the runtime without profile-guided optimisation: the common link (an ASCII http(s):// URL whose
        // host ends at a '/') is decided in this one method, its helpers inlined, and every other shape goes to
        // TryExtractFromOtherUrl, which reads the URL again from its start as before.
        var schemeLength = HttpSchemeLength(url);
        if (schemeLength != 0)
        {
            var slash = IndexOfSlash(url[schemeLength..]);
            if (slash > 0)
            {
                var hostEnd = schemeLength + slash;
                // Most links: a host shorter than hf.co, or one that ends like no paper host and no DOI resolver.
                if (slash < 5 || IsOtherHostTail(url.Slice(hostEnd - 4, 4)))
                {
                    link = default;
                    return false;
                }
                var host = url[schemeLength..hostEnd];
                if (host is "doi.org") return TryExtractOnDoiResolver(url, hostEnd, out link); // no paper host; the usual resolver
                var paperHost = PaperHostOf(host);
                if (paperHost != PaperHost.None) return TryExtractOnPaperHost(url, paperHost, hostEnd, schemeLength, out link);
                link = default;
                // NamesNoPaper for this host: a DOI resolver's name ends in 'g'.
                if ((host[^1] | 0x20) != 'g' || !IsDoiResolver(host)) return false;
                return TryExtractOnDoiResolver(url, hostEnd, out link);
            }
        }
        return TryExtractFromOtherUrl(url, out link);
    }

    /// <summary><see cref="TryExtractFromUrl"/> for a link of another shape: no http(s) scheme, not ASCII there, no host.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryExtractFromOtherUrl(ReadOnlySpan<char> url, out ArxivLink link)
    {
        var host = UrlHost(url, out var hostEnd, out var schemeLength);
        if (host != PaperHost.None) return TryExtractOnPaperHost(url, host, hostEnd, schemeLength, out link);
        link = default;
        if (NamesNoPaper(url, hostEnd, schemeLength)) return false;
        if (schemeLength >= 7 && hostEnd > schemeLength) return TryExtractOnDoiResolver(url, hostEnd, out link);
        return TryExtractElsewhere(url, hostEnd, schemeLength, out link);
    }

    /// <summary>
    /// A link without an http(s) scheme (<c>pic.twitter.com/…</c>) on no paper host. As one ASCII token without the
    /// DOI prefix, the general scan's only candidates are at its start (an id, or one after <c>arXiv:</c>); else the
    /// general scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryExtractElsewhere(ReadOnlySpan<char> url, int hostEnd, int schemeLength, out ArxivLink link)
    {
        link = default;
        if (url.IsEmpty || url.IndexOfAnyExcept(AsciiTokenChars) >= 0 || url.Contains(DoiPrefix, StringComparison.Ordinal))
            return TryExtract(url, out link);
        if (!TryToken(url, new Token(0, url.Length, PaperHost.None, hostEnd, schemeLength), 0, hasDoi: false, out var match)) return false;
        link = match.ToLink(url);
        return true;
    }

    /// <summary>
    /// An http(s) URL on doi.org (or a subdomain). On a host that is no paper host, the general scan can only find an
    /// arXiv DOI (its prefix must be in the token) or an id in a later token (after a boundary). So: with neither the
    /// prefix nor a boundary in the URL, nothing; with the prefix right after the host and a new-style id after
    /// <c>arXiv.</c>, that id, as the scan's DOI check (<see cref="Preceded"/>) would find it; else the general scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryExtractOnDoiResolver(ReadOnlySpan<char> url, int hostEnd, out ArxivLink link)
    {
        link = default;
        var plain = url.IndexOfAnyExcept(AsciiTokenChars) < 0; // one token, all ASCII
        var path = url[(hostEnd + 1)..];
        if (plain && path.StartsWith(DoiPrefix, StringComparison.Ordinal) && StartsWithIgnoreCase(path[DoiPrefix.Length..], "arxiv."))
        {
            // The prefix's own '/' is the first candidate the scan accepts a DOI at: the ones before it are the
            // scheme's (too early) and the host's (a DOI resolver's name does not end in "10.48550").
            var idStart = hostEnd + 1 + DoiPrefix.Length + 6;
            var dot = idStart + 4;
            if (dot < url.Length && char.IsAsciiDigit(url[idStart]) && url[dot] == '.' && IsNewStyleId(url, dot, out var idEnd))
            {
                link = new ArxivMatch(idStart, idEnd - idStart, idEnd, 0, -1, ArxivLinkKind.Doi).ToLink(url);
                return true;
            }
        }
        else if (plain && !url.Contains(DoiPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        return TryExtract(url, out link);
    }

    // Not inlined: most links are elsewhere, and their rejection above then needs no stack for matches and tokens.
    // The direct path for the common paper link is inlined here, the general one is not (ScanOnPaperHost).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryExtractOnPaperHost(ReadOnlySpan<char> url, PaperHost host, int hostEnd, int schemeLength, out ArxivLink link)
    {
        if (TryPaperPathId(url, host, hostEnd, schemeLength, out var direct))
        {
            // A new-style id as written, without a subject class (ArxivMatch.ToLink).
            var id = ArxivId.FromCanonical(new string(url.Slice(direct.Index, direct.Length)));
            link = new ArxivLink(id, direct.Version == 0 ? null : direct.Version, ArxivLinkKind.Url);
            return true;
        }
        return ScanOnPaperHost(url, host, hostEnd, schemeLength, out link);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanOnPaperHost(ReadOnlySpan<char> url, PaperHost host, int hostEnd, int schemeLength, out ArxivLink link)
    {
        link = default;
        // On a paper host the general scan starts with the token at 0, the whole URL unless something in it ends
        // the token: then it is that token alone, and its host is the one just read.
        var plain = url.IndexOfAnyExcept(AsciiTokenChars) < 0; // one token, all ASCII
        if (!plain && (IsTokenBoundary(url[0]) || TokenEnd(url, 0) != url.Length)) return TryExtract(url, out link);
        var token = new Token(0, url.Length, host, hostEnd, schemeLength);
        ArxivMatch match;
        if (plain && schemeLength >= 7 && host != PaperHost.SemanticScholarApi && !url.Contains(DoiPrefix, StringComparison.Ordinal))
        {
            // One ASCII token without the DOI prefix: a match needs a paper path before it, one word and its '/'
            // (an "arXiv:" after it is stripped), so only the candidates at the host's '/' and the next can match.
            var next = hostEnd + 1 + IndexOfSlash(url[(hostEnd + 1)..]) + 1;
            if (!TryPathCandidate(url, hostEnd + 1, token, out match) && (next <= hostEnd + 1 || !TryPathCandidate(url, next, token, out match)))
                return false;
        }
        else
        {
            var doi = -2;
            if (!TryTokenWithDoi(url, token, 0, ref doi, out match)) return false;
        }
        link = match.ToLink(url);
        return true;
    }

    /// <summary>The general scan's candidates after one '/' of a paper URL: the id there, or after an <c>arXiv:</c> there.</summary>
    private static bool TryPathCandidate(ReadOnlySpan<char> url, int at, in Token token, out ArxivMatch match) =>
        TryAt(url, at, token, 0, out match)
        || (StartsWithIgnoreCase(url[at..], "arxiv:") && TryAt(url, at + 6, token, 0, out match));

    /// <summary>
    /// The common paper link, <c>http(s)://host/word/YYMM.NNNNN…</c>, read directly. The general scan's candidates
    /// in it come in this order: the token's start (a scheme: no id), the word after the host (a paper path word such
    /// as <c>abs</c>: no pre-2007 archive, no '.' or ':', so no id, no <c>arXiv:</c>, no DOI prefix before the id),
    /// and then the id after the word's '/' (or after an <c>arXiv:</c> there, whose letters run into the ':' and are no
    /// id either), which it checks with <see cref="IsNewStyleId"/> and accepts as a
    /// <see cref="ArxivLinkKind.Url"/> because the word is one of the host's paper paths. That the id lies inside the
    /// token only needs the characters up to its '.'; what the token holds after it changes nothing before it. False
    /// when the URL has another shape or the id does not hold: the caller then runs the general scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryPaperPathId(ReadOnlySpan<char> url, PaperHost host, int hostEnd, int schemeLength, out ArxivMatch match)
    {
        match = default;
        if (schemeLength < 7) return false;
        var word = hostEnd + 1;
        var wordLength = IndexOfSlash(url[word..]);
        if (wordLength <= 0) return false;
        var idStart = word + wordLength + 1;
        // …/abs/arXiv:2010.13581: the server strips the prefix, and so does the scan (IsPaperUrlPrefix).
        if (idStart < url.Length && url[idStart] is 'a' or 'A' && StartsWithIgnoreCase(url[idStart..], "arxiv:")) idStart += 6;
        if (idStart + 5 > url.Length || !char.IsAsciiDigit(url[idStart])) return false;
        // The host's paper path words, in lower case (none is an archive or holds '.' or ':'): with one of them before
        // it, a new-style id is a paper link (IsPaperUrlPrefix). Any other word, or case, goes the general way.
        var dot = idStart + 4;
        if (url[dot] != '.' || !IsPaperPathWord(url, host, word, wordLength) || !IsNewStyleId(url, dot, out var idEnd)) return false;
        // Before the '.', only the host can hold a boundary: the scheme, the word, "arXiv:" and the digits were just
        // matched, none of them with a space, bracket or quote (a non-ASCII host goes the general way too).
        var hostName = url[schemeLength..hostEnd];
        if (!(hostName is "arxiv.org") && !IsAsciiToken(hostName)) return false;
        var (version, end) = ReadVersion(url, idEnd);
        match = new ArxivMatch(idStart, idEnd - idStart, end, version, -1, ArxivLinkKind.Url);
        return true;
    }

    // "abs/" and "pdf/", the words of most paper links, as one 64-bit word each (UTF-16, little-endian).
    private const ulong AbsSlash = 0x002F_0073_0062_0061UL;
    private const ulong PdfSlash = 0x002F_0066_0064_0070UL;

    /// <summary>
    /// The host's paper path words, in lower case (none is an archive or holds '.' or ':'): with one of them before
    /// it, a new-style id is a paper link (IsPaperUrlPrefix). Any other word, or case, goes the general way. The
    /// word's '/' is at <paramref name="word"/> + <paramref name="length"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPaperPathWord(ReadOnlySpan<char> url, PaperHost host, int word, int length)
    {
        if (length == 3 && host is PaperHost.Arxiv or PaperHost.AlphaXiv)
        {
            var withSlash = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(url.Slice(word, 4)));
            if (withSlash is AbsSlash or PdfSlash) return true;
        }
        return IsOtherPaperPathWord(url.Slice(word, length), host);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsOtherPaperPathWord(ReadOnlySpan<char> path, PaperHost host) => host switch
    {
        PaperHost.Arxiv => path is "abs" or "pdf" or "html" or "format" or "ps" or "src" or "e-print",
        PaperHost.Ar5iv => path is "html" or "abs",
        PaperHost.AlphaXiv => path is "abs" or "overview" or "pdf",
        PaperHost.HuggingFace => path is "papers",
        PaperHost.ArxivPath => path is "arxiv",
        _ => false,
    };

    /// <summary>Every reference in a link field, as <see cref="ExtractAll"/> finds them; none when the host rules them out (<see cref="TryExtractFromUrl"/>).</summary>
    public static List<ArxivLink> ExtractAllFromUrl(ReadOnlySpan<char> url) => HostRulesOut(url) ? [] : ExtractAll(url);

    /// <summary>
    /// The distinct papers of a post: its link fields first (read as URLs, <see cref="ExtractAllFromUrl"/>), then its
    /// texts (<see cref="ExtractAll"/>), first seen first.
    /// </summary>
    public static List<ArxivId> DistinctIds(IEnumerable<string?> urls, IEnumerable<string?> texts)
    {
        var ids = new List<ArxivId>();
        foreach (var url in urls) AddDistinctIdsFromUrl(ids, url);
        foreach (var text in texts) AddDistinctIds(ids, text);
        return ids;
    }

    /// <summary>
    /// Adds the papers a link field references that are not in <paramref name="ids"/> yet (<see cref="ExtractAllFromUrl"/>,
    /// without building the list).
    /// </summary>
    public static void AddDistinctIdsFromUrl(List<ArxivId> ids, string? url)
    {
        if (!string.IsNullOrEmpty(url) && !HostRulesOut(url)) AddDistinctIds(ids, url);
    }

    /// <summary>Whether an http(s) URL's host alone says it names no paper (<see cref="TryExtractFromUrl"/>).</summary>
    private static bool HostRulesOut(ReadOnlySpan<char> url) =>
        UrlHost(url, out var hostEnd, out var schemeLength) == PaperHost.None && NamesNoPaper(url, hostEnd, schemeLength);

    /// <summary>
    /// Of a URL whose host is no paper host (<see cref="UrlHost"/>): whether it is an <c>http(s)://</c> URL whose host
    /// is no DOI resolver either.
    /// Such a URL starts with a letter run ended by ':' (not an id) and names no host whose paths hold ids, so the
    /// general scan could only find an arXiv DOI in it or an id in a later token.
    /// </summary>
    private static bool NamesNoPaper(ReadOnlySpan<char> url, int hostEnd, int schemeLength)
    {
        if (schemeLength < 7) return false;
        var host = hostEnd > schemeLength ? url[schemeLength..hostEnd] : url[schemeLength..];
        // A DOI resolver's name ends in 'g' (no other character equals it ignoring case): most hosts stop here.
        return host.IsEmpty || (host[^1] | 0x20) != 'g' || !IsDoiResolver(host);
    }

    /// <summary>doi.org and its subdomains (dx.doi.org, www.doi.org): the hosts of arXiv DOI links.</summary>
    private static bool IsDoiResolver(ReadOnlySpan<char> host) =>
        EqualsIgnoreCase(host, "doi.org") || (host.Length > 8 && EndsWithIgnoreCase(host, ".doi.org"));
}
