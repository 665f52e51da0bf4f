using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>Finds the arXiv papers a piece of post text or a link points at (canonical ids, no versions, no repeats).</summary>
public interface IArxivIdFinder
{
    IReadOnlyList<ArxivId> Find(string textOrUrl);

    /// <summary>
    /// The papers a link field names (a link facet, an embed, a story URL): decided by the host when it is an
    /// http(s) URL elsewhere (<see cref="Arxiv.ArxivIdExtractor.TryExtractFromUrl"/>), otherwise as <see cref="Find"/>.
    /// </summary>
    IReadOnlyList<ArxivId> FindInUrl(string url) => Find(url);
}

/// <summary>The finder the sources use unless told otherwise.</summary>
public static class ArxivIdFinders
{
    public static IArxivIdFinder Default { get; } = new Arxiv.ExtractorFinder();
}
