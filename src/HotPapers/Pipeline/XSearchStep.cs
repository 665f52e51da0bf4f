using System.Globalization;
using HotPapers.Social.X;

namespace HotPapers.Pipeline;

/// <summary>
/// Posts on X linking the window's papers: recent search, many papers per query, each page stored in its own
/// transaction with a snapshot of the originals' counts. A rerun after a crash searches again; snapshots taken
/// at the same instant are not stored twice, later ones are history.
/// </summary>
public sealed class XSearchStep(HttpClient http, XOptions options) : IDailyStep
{
    public string Name => "x";

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var papers = context.Store.LoadCandidates(context.Window, context.Zone).Papers.Select(p => p.Paper.Id).ToList();
        if (papers.Count == 0) return "no papers to search for";
        try
        {
            // Rate-limit resets are real epoch seconds: they are waited for in real time, even when --now pins the run's clock.
            var search = new XSearchClient(http, options, TimeProvider.System);
            var result = await new XCollector(context.Store, search, options, context.Clock).CollectAsync(papers, cancellationToken).ConfigureAwait(false);
            if (result.BudgetExhausted) context.Log($"x: the read budget ({options.ReadBudget} posts, X:ReadBudget) ran out after {result.QueriesRun} of {result.Queries} queries");
            return string.Create(CultureInfo.InvariantCulture,
                $"{papers.Count} papers in {result.QueriesRun} of {result.Queries} queries, {result.Requests} requests, {result.PostsRead} posts read, {result.PostsStored} stored, {result.RepostsSkipped} reposts skipped");
        }
        catch (Exception e) when (e is XApiException or HttpRequestException or ArgumentException)
        {
            throw new SourceFailedException(Name, e.Message, e);
        }
    }
}
