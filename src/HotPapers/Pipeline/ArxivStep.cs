using System.Globalization;
using HotPapers.Arxiv;

namespace HotPapers.Pipeline;

/// <summary>
/// The first step: each listing date's announcements, stored as listed (<c>listed_papers</c>) without asking the
/// metadata API; papers the store already holds are announced at once. The social sources search for every listed
/// paper; <see cref="MetadataStep"/> then fetches the metadata of the ones someone posted about.
/// </summary>
public sealed class ArxivStep(ArxivHttp http, ArxivOptions options, AnnouncementSourceKind source = AnnouncementSourceKind.Listing) : IDailyStep
{
    public string Name => "arxiv";

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var collector = ArxivSteps.Collector(context, http, options, source);
        int announced = 0, held = 0;
        for (var day = context.Window.Start; day <= context.Window.End; day = day.AddDays(1))
        {
            ListingReport report;
            try
            {
                report = await collector.ListAsync(day, refetch: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArxivHttpException or ArxivSourceException or ArxivFormatException)
            {
                throw new SourceFailedException(Name, e.Message, e);
            }
            announced += report.Announced;
            held += report.AlreadyHeld;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{announced} papers announced, {held} already stored");
    }
}

/// <summary>What both arXiv steps build on: one collector over the polite door.</summary>
internal static class ArxivSteps
{
    public static ArxivCollector Collector(DailyContext context, ArxivHttp http, ArxivOptions options, AnnouncementSourceKind source) =>
        new(context.Store, AnnouncementSource.Create(source, http, options), new ArxivApiClient(http, options), options, context.Clock) { Log = context.Log };
}
