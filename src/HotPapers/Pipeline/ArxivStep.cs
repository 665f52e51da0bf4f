using System.Globalization;
using HotPapers.Arxiv;

namespace HotPapers.Pipeline;

/// <summary>
/// The first step: each listing date's announcements and the metadata of their papers. A paper the API had no
/// metadata for is named in the log and left out of the post; a request that fails for good stops the run,
/// keeping every batch already stored, and the next run fetches only what is still missing.
/// </summary>
public sealed class ArxivStep(ArxivHttp http, ArxivOptions options, AnnouncementSourceKind source = AnnouncementSourceKind.Listing) : IDailyStep
{
    public string Name => "arxiv";

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var collector = new ArxivCollector(context.Store, AnnouncementSource.Create(source, http, options), new ArxivApiClient(http, options), options, context.Clock)
        {
            Log = context.Log,
        };
        int announced = 0, fetched = 0, held = 0, missing = 0;
        for (var day = context.Window.Start; day <= context.Window.End; day = day.AddDays(1))
        {
            CollectReport report;
            try
            {
                report = await collector.CollectAsync(day, refetch: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArxivHttpException or ArxivSourceException or ArxivFormatException)
            {
                throw new SourceFailedException(Name, e.Message, e);
            }
            foreach (var note in report.Notes) context.Log($"arxiv: note: {note}");
            // A request that failed for good is not an answer: the step must not be recorded as done, or the rerun
            // would skip it and the post would lack these papers for ever. What the other batches stored stays.
            if (report.FailedRequests.Count > 0)
                throw new SourceFailedException(Name, $"{report.FailedRequests.Count} of {report.Requests} API requests failed for {day:yyyy-MM-dd}, first: {report.FailedRequests[0]}");
            foreach (var (id, problem) in report.Missing) context.Log($"arxiv: {id}: {problem} (left out of the post)");
            announced += report.Announced;
            fetched += report.Fetched;
            held += report.AlreadyHeld;
            missing += report.Missing.Count;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{announced} papers announced, {fetched} fetched, {held} already stored, {missing} without metadata");
    }
}
