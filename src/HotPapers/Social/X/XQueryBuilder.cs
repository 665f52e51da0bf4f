using HotPapers.Domain;

namespace HotPapers.Social.X;

/// <summary>One search query and the papers it asks about.</summary>
public sealed record XQuery(string Text, IReadOnlyList<ArxivId> Papers);

/// <summary>
/// Packs papers into as few recent-search queries as the length limit allows: <c>(url:"2010.13581" OR …) -is:retweet</c>.
/// The <c>url:</c> operator matches URL tokens, so the bare id catches abs, pdf, html and mirror links alike
/// (each hit is checked with the extractor before it counts), and one term per paper keeps queries dense.
/// </summary>
public static class XQueryBuilder
{
    public const string Suffix = " -is:retweet";

    public static string Term(ArxivId id) => $"url:\"{id.Value}\"";

    public static List<XQuery> Build(IReadOnlyList<ArxivId> papers, int maxLength)
    {
        var queries = new List<XQuery>();
        var batch = new List<ArxivId>();
        var length = 0; // of the joined terms
        foreach (var paper in papers.Distinct())
        {
            var term = Term(paper).Length;
            if (Length(term, 1) > maxLength)
                throw new ArgumentException($"a query for {paper} alone is longer than {maxLength} characters", nameof(maxLength));
            var joined = batch.Count == 0 ? term : length + " OR ".Length + term;
            if (batch.Count > 0 && Length(joined, batch.Count + 1) > maxLength)
            {
                queries.Add(Make(batch));
                batch = [];
                joined = term;
            }
            batch.Add(paper);
            length = joined;
        }
        if (batch.Count > 0) queries.Add(Make(batch));
        return queries;
    }

    private static int Length(int joinedTerms, int count) => joinedTerms + (count > 1 ? 2 : 0) + Suffix.Length;

    private static XQuery Make(List<ArxivId> batch)
    {
        var terms = string.Join(" OR ", batch.Select(Term));
        return new XQuery((batch.Count > 1 ? "(" + terms + ")" : terms) + Suffix, batch.ToArray());
    }
}
