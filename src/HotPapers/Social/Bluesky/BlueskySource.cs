namespace HotPapers.Social.Bluesky;

/// <summary>The daily Bluesky source: a searchPosts backfill of each calendar day (UTC) of the window.</summary>
public sealed class BlueskySource(HttpClient http, BlueskyOptions options) : ISocialSource
{
    public string Platform => BlueskyPlatform.Name;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var collector = new BlueskyCollector(request.Store, http, options, request.Clock);
        var summaries = new List<string>();
        for (var day = request.Window.Start; day <= request.Window.End; day = day.AddDays(1))
        {
            var result = await collector.CollectDayAsync(day, cancellationToken, line => request.Log($"bluesky {line}")).ConfigureAwait(false);
            summaries.Add($"{day:yyyy-MM-dd}: {result.Pages} pages, {result.PostsSeen} posts seen, {result.PostsKept} linking arXiv ({result.Links} links)");
        }
        return string.Join("; ", summaries);
    }
}
