namespace HotPapers.Arxiv;

/// <summary>
/// The daily feed <c>rss.arxiv.org/rss/&lt;target&gt;</c>. A feed only ever holds the latest announcement, so asking
/// for another day is an error rather than a silent wrong answer.
/// </summary>
public sealed class RssSource(ArxivHttp http, ArxivOptions options) : IAnnouncementSource
{
    public string Name => "rss";

    public Uri FeedUrl(string target) => new($"{options.RssBaseUrl.TrimEnd('/')}/rss/{target}");

    public async Task<TargetListing> ListAsync(string target, DateOnly date, CancellationToken cancellation)
    {
        var url = FeedUrl(target);
        var feed = await http.GetAsync(url, body => RssFeedParser.Parse(body, $"GET {url}"), cancellation).ConfigureAwait(false);
        if (feed.Date is { } day && day != date)
            throw new ArxivSourceException($"{target}: the RSS feed holds the announcement of {day:yyyy-MM-dd}, not {date:yyyy-MM-dd}; use --source listing or oai for other days");
        return new TargetListing(target, date, feed.Items);
    }
}
