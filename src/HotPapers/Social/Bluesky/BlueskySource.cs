namespace HotPapers.Social.Bluesky;

/// <summary>The daily Bluesky source: a searchPosts backfill of each calendar day (UTC) of the window.</summary>
public sealed class BlueskySource(HttpClient http, BlueskyOptions options) : ISocialSource
{
    public string Platform => BlueskyPlatform.Name;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var collector = new BlueskyCollector(request.Store, http, options, request.Clock);
        return await EachDay.CollectAsync(request.Window, async day =>
        {
            var result = await collector.CollectDayAsync(day, cancellationToken, line => request.Log($"bluesky {line}")).ConfigureAwait(false);
            return $"{result.Pages} pages, {result.PostsSeen} posts seen, {result.PostsKept} linking arXiv ({result.Links} links)";
        }).ConfigureAwait(false);
    }
}
