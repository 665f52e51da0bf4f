using HotPapers.Domain;
using HotPapers.Social;

namespace HotPapers.Arxiv;

/// <summary>The arXiv id extractor behind the <see cref="IArxivIdFinder"/> every social source is given.</summary>
public sealed class ExtractorFinder : IArxivIdFinder
{
    public IReadOnlyList<ArxivId> Find(string textOrUrl) => ArxivIdExtractor.DistinctIds([textOrUrl]);

    public IReadOnlyList<ArxivId> FindInUrl(string url) => ArxivIdExtractor.DistinctIds([url], []);
}
