using System.Globalization;

namespace HotPapers.Social.X;

/// <summary>
/// Posts on X linking the window's papers: recent search, many papers per query, each page stored in its own
/// transaction with a snapshot of the originals' counts. A rerun after a crash searches again; snapshots taken
/// at the same instant are not stored twice, later ones are history.
/// </summary>
/// <param name="waitClock">The clock rate-limit waits run on: resets are real epoch seconds, so the real clock even when
/// <c>--now</c> pins the run's clock (tests pass their own).</param>
public sealed class XSource(HttpClient http, XOptions options, TimeProvider? waitClock = null) : ISocialSource
{
    public string Platform => XPlatform.Name;

    public bool SpendsBudget => true;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        if (request.Papers.Count == 0) return "no papers to search for";
        var ordered = BySignal(request.Papers, request.OtherPlatformsSignal);
        var search = new XSearchClient(http, options, waitClock ?? TimeProvider.System);
        var result = await new XCollector(request.Store, search, options, request.Clock).CollectAsync(ordered, cancellationToken).ConfigureAwait(false);
        if (result.BudgetExhausted) request.Log($"x: the read budget ({options.ReadBudget} posts, X:ReadBudget) ran out after {result.QueriesRun} of {result.Queries} queries");
        var signalled = request.Papers.Count(p => request.OtherPlatformsSignal.ContainsKey(p));
        var first = signalled > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({signalled} with signal from other platforms searched first)") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{request.Window.DateStr}: {request.Papers.Count} papers in {result.QueriesRun} of {result.Queries} queries, {result.Requests} requests, {result.PostsRead} posts read, {result.PostsStored} stored, {result.RepostsSkipped} reposts skipped, {result.Links} links; budget: {result.PostsRead} of {options.ReadBudget} reads spent, {result.PapersCovered} of {request.Papers.Count} papers covered{first}");
    }

    /// <summary>
    /// Papers with the most signal from the free platforms first, so a small read budget is spent on the papers people
    /// already talk about; the rest keep crawl order (a stable sort: a day without signal searches exactly as before).
    /// </summary>
    public static IReadOnlyList<Domain.ArxivId> BySignal(IReadOnlyList<Domain.ArxivId> papers, IReadOnlyDictionary<Domain.ArxivId, long> signal) =>
        signal.Count == 0 ? papers : papers.OrderByDescending(p => signal.GetValueOrDefault(p)).ToList();
}
