namespace HotPapers.Social.HackerNews;

/// <summary>The daily Hacker News source: each calendar day (UTC) of the window searched in turn.</summary>
public sealed class HackerNewsSource(HttpClient http, HackerNewsOptions options) : ISocialSource
{
    public string Platform => HackerNewsPlatform.Name;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var collector = new HackerNewsCollector(request.Store, http, options, request.Clock);
        return await EachDay.CollectAsync(request.Window, async day =>
        {
            var result = await collector.CollectDayAsync(day, cancellationToken, line => request.Log($"hn {line}")).ConfigureAwait(false);
            return $"{result.Requests} requests, {result.Hits} hits, {result.StoriesKept} stories linking arXiv ({result.Links} links)";
        }).ConfigureAwait(false);
    }
}
