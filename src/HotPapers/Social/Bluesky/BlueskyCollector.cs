using HotPapers.Store;

namespace HotPapers.Social.Bluesky;

/// <summary>What a backfill stored.</summary>
public sealed record BlueskyCollectResult(int Pages, int PostsSeen, int PostsKept, int Links);

/// <summary>
/// Backfills a day of Bluesky posts linking arXiv through searchPosts: each post that links a paper is stored
/// with its counts (likes, reposts, quotes, replies) and a snapshot measured now, its links, and what its embed needs
/// (cid, embed flag, indexedAt; the embed itself is fetched or rendered only for the posts a digest shows).
/// One transaction per page, so an interrupted run keeps the pages it finished.
/// </summary>
public sealed class BlueskyCollector
{
    private readonly HotPapersStore _store;
    private readonly BlueskySearchClient _client;
    private readonly BlueskyPostReader _reader;
    private readonly TimeProvider _time;

    public BlueskyCollector(HotPapersStore store, HttpClient http, BlueskyOptions options, TimeProvider time, IArxivIdFinder? finder = null)
    {
        _store = store;
        _client = new BlueskySearchClient(http, options, time);
        _reader = new BlueskyPostReader(finder ?? ArxivIdFinders.Default);
        _time = time;
    }

    /// <summary>Posts whose sort time falls on <paramref name="day"/> (UTC).</summary>
    public async Task<BlueskyCollectResult> CollectDayAsync(DateOnly day, CancellationToken ct, Action<string>? progress = null)
    {
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var result = new BlueskyCollectResult(0, 0, 0, 0);
        await foreach (var page in _client.SearchAsync(since, since.AddDays(1), ct))
        {
            var measuredAt = _time.GetUtcNow();
            var (kept, links) = _store.Write(tx => StorePage(tx, page, measuredAt));
            result = result with { Pages = result.Pages + 1, PostsSeen = result.PostsSeen + page.Posts.Count, PostsKept = result.PostsKept + kept, Links = result.Links + links };
            progress?.Invoke($"page {result.Pages}: {page.Posts.Count} posts, {kept} linking arXiv");
        }
        return result;
    }

    private (int Kept, int Links) StorePage(StoreTransaction tx, SearchPage page, DateTimeOffset measuredAt)
    {
        int kept = 0, links = 0;
        foreach (var view in page.Posts)
        {
            if (view.Record is not { } record || !AtUri.TryParse(view.Uri, out var uri) || uri.Collection != BlueskyPlatform.PostCollection) continue;
            var indexedAt = BlueskyTime.TryParse(view.IndexedAt, out var at) ? at : (DateTimeOffset?)null;
            var reading = _reader.Read(uri, record, view.Author?.Handle, view.Author?.DisplayName, indexedAt ?? measuredAt);
            if (reading.Papers.Count == 0) continue;
            var id = uri.ToString();
            tx.Posts.Upsert(reading.Post, PostSource.Api);
            tx.Bluesky.KeepPost(id, uri.Did, view.Cid, reading.HasEmbed, indexedAt);
            long likes = view.LikeCount ?? 0, reposts = view.RepostCount ?? 0, quotes = view.QuoteCount ?? 0;
            tx.Bluesky.SetCounts(id, likes, reposts, quotes, view.ReplyCount);
            tx.Posts.AddSnapshot(new Domain.EngagementSnapshot(BlueskyPlatform.Name, id, (int)Math.Min(reposts, int.MaxValue), (int)Math.Min(likes, int.MaxValue), measuredAt));
            foreach (var paper in reading.Papers) tx.Posts.LinkArxiv(BlueskyPlatform.Name, id, paper);
            kept++;
            links += reading.Papers.Count;
        }
        return (kept, links);
    }
}
