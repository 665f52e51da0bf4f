using System.Globalization;
using HotPapers.Arxiv;

namespace HotPapers.Pipeline;

/// <summary>
/// After the social sources, before measuring: the metadata (title, authors, abstract) of the window's listed papers
/// that some stored post links and the store does not hold, in API batches through the same polite door. Only those
/// can be shown (ranking, the post and the site all need posts), so a day of 800 listed papers of which a few dozen
/// were discussed costs one request instead of eight. A paper the API had no metadata for is named in the log and
/// left out of the post; a request that fails for good stops the run, keeping every batch already stored, and the
/// next run fetches only what is still missing.
/// </summary>
public sealed class MetadataStep(ArxivHttp http, ArxivOptions options) : IDailyStep
{
    public string Name => "metadata";

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var collector = ArxivSteps.Collector(context, http, options, AnnouncementSourceKind.Listing);
        int wanted = 0, quiet = 0, fetched = 0, requests = 0, missing = 0;
        for (var day = context.Window.Start; day <= context.Window.End; day = day.AddDays(1))
        {
            var unheld = context.Store.Papers.ListedWithoutMetadata(day);
            var discussed = unheld.Where(p => p.Discussed).ToList();
            wanted += discussed.Count;
            quiet += unheld.Count - discussed.Count;
            CollectReport report;
            try
            {
                report = await collector.FetchAsync(day, discussed, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArxivHttpException or ArxivSourceException or ArxivFormatException)
            {
                throw new SourceFailedException(Name, e.Message, e);
            }
            foreach (var note in report.Notes) context.Log($"metadata: note: {note}");
            // A request that failed for good is not an answer: the step must not be recorded as done, or the rerun
            // would skip it and the post would lack these papers for ever. What the other batches stored stays.
            if (report.FailedRequests.Count > 0)
                throw new SourceFailedException(Name, $"{report.FailedRequests.Count} of {report.Requests} API requests failed for {day:yyyy-MM-dd}, first: {report.FailedRequests[0]}");
            foreach (var (id, problem) in report.Missing) context.Log($"metadata: {id}: {problem} (left out of the post)");
            fetched += report.Fetched;
            requests += report.Requests;
            missing += report.Missing.Count;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{wanted} papers with posts to fetch, {fetched} fetched in {requests} API requests, {missing} without metadata; {quiet} without posts not fetched");
    }
}
