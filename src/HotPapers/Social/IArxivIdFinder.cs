using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>Finds the arXiv papers a piece of post text or a link points at (canonical ids, no versions, no repeats).</summary>
public interface IArxivIdFinder
{
    IReadOnlyList<ArxivId> Find(string textOrUrl);
}

/// <summary>The finder the sources use unless told otherwise.</summary>
public static class ArxivIdFinders
{
    public static IArxivIdFinder Default { get; } = new Arxiv.ExtractorFinder();
}
