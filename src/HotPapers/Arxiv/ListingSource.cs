using System.Globalization;

namespace HotPapers.Arxiv;

/// <summary>
/// <c>/list/&lt;target&gt;/pastweek</c>, paged with <c>skip</c>/<c>show</c>: pages are read newest day first until the
/// asked day is complete or an older day begins. Pages are kept for the run, so a range of days reads each page once.
/// </summary>
public sealed class ListingSource(ArxivHttp http, ArxivOptions options) : IAnnouncementSource
{
    private readonly Dictionary<Uri, ListingPage> _pages = [];

    public string Name => "listing";

    public Uri PageUrl(string target, int skip) =>
        new($"{options.ListingBaseUrl.TrimEnd('/')}/list/{target}/pastweek?skip={skip.ToString(CultureInfo.InvariantCulture)}&show={options.ListingPageSize.ToString(CultureInfo.InvariantCulture)}");

    public async Task<TargetListing> ListAsync(string target, DateOnly date, CancellationToken cancellation)
    {
        var entries = new List<Announcement>();
        int? dayTotal = null;
        DateOnly? newest = null, oldest = null;
        var skip = 0;
        while (true)
        {
            var page = await PageAsync(target, skip, cancellation).ConfigureAwait(false);
            var passed = false;
            foreach (var section in page.Sections)
            {
                newest = newest is null || section.Date > newest ? section.Date : newest;
                oldest = oldest is null || section.Date < oldest ? section.Date : oldest;
                if (section.Date == date)
                {
                    entries.AddRange(section.Entries);
                    dayTotal ??= section.DayTotal;
                }
                else if (section.Date < date) passed = true;
            }
            skip += page.EntryCount;
            if (passed || page.EntryCount == 0) break;
            if (dayTotal is { } complete && entries.Count >= complete) break;
            if (page.Total is { } total && skip >= total) break;
        }
        if (newest is null) return new TargetListing(target, date, entries); // an empty week
        if (date > newest || (date < oldest && entries.Count == 0))
            throw new ArxivSourceException($"{target}: {date:yyyy-MM-dd} is not in the pastweek listing, which covers {oldest:yyyy-MM-dd} to {newest:yyyy-MM-dd}; use --source oai for older days");
        // The same paper can show up twice when a page boundary moves between two requests.
        var distinct = entries.DistinctBy(e => e.Id).ToList();
        return new TargetListing(target, date, distinct);
    }

    private async Task<ListingPage> PageAsync(string target, int skip, CancellationToken cancellation)
    {
        var url = PageUrl(target, skip);
        if (_pages.TryGetValue(url, out var cached)) return cached;
        var page = await http.GetAsync(url, body => ListingPageParser.Parse(body, $"GET {url}"), cancellation).ConfigureAwait(false);
        _pages[url] = page;
        return page;
    }
}
