using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social.HackerNews;

/// <summary>What a day's Hacker News search stored.</summary>
public sealed record HackerNewsCollectResult(int Requests, int Slices, int Hits, int StoriesKept, int Links);

/// <summary>
/// Finds the day's Hacker News stories linking arXiv papers: the day is walked in <c>created_at_i</c> slices
/// (halved while a slice has more hits than Algolia will page through), each slice paged to its end. A hit is kept
/// only when its URL really is a paper link (the URL search is token-based). Stored as platform
/// <c>hackernews</c>: points become the snapshot's likes (reposts 0), the comment count sits beside it in
/// <c>hackernews_items</c>. One transaction per page.
/// </summary>
public sealed class HackerNewsCollector
{
    public const string Platform = HackerNewsPlatform.Name;

    private readonly HotPapersStore _store;
    private readonly HackerNewsClient _client;
    private readonly HackerNewsOptions _options;
    private readonly IArxivIdFinder _finder;
    private readonly TimeProvider _time;

    public HackerNewsCollector(HotPapersStore store, HttpClient http, HackerNewsOptions options, TimeProvider time, IArxivIdFinder? finder = null)
    {
        _store = store;
        _client = new HackerNewsClient(http, options);
        _options = options;
        _finder = finder ?? ArxivIdFinders.Default;
        _time = time;
    }

    public async Task<HackerNewsCollectResult> CollectDayAsync(DateOnly day, CancellationToken ct, Action<string>? progress = null)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var end = start + 86_400;
        var step = Math.Max(1, (long)_options.Slice.TotalSeconds);
        var pending = new Stack<(long From, long To)>();
        for (var to = end; to > start; to -= step) pending.Push((Math.Max(start, to - step), to));
        var result = new HackerNewsCollectResult(0, 0, 0, 0, 0);
        while (pending.TryPop(out var slice))
        {
            var first = await _client.GetPageAsync(slice.From, slice.To, 0, ct);
            result = result with { Requests = result.Requests + 1 };
            if (first.NbHits > _options.MaxHitsPerQuery && slice.To - slice.From > (long)_options.MinSlice.TotalSeconds)
            {
                // Algolia will not page past its cap: halve the window instead (later half pushed first, so order holds).
                var middle = slice.From + (slice.To - slice.From) / 2;
                pending.Push((middle, slice.To));
                pending.Push((slice.From, middle));
                continue;
            }
            result = result with { Slices = result.Slices + 1 };
            var page = first;
            var number = 0;
            while (true)
            {
                var hits = page.Hits ?? [];
                var measuredAt = _time.GetUtcNow();
                var (kept, links) = _store.Write(tx => StorePage(tx, hits, measuredAt));
                result = result with { Hits = result.Hits + hits.Count, StoriesKept = result.StoriesKept + kept, Links = result.Links + links };
                // nbHits may be an estimate: stop on an empty page or the last page, never on a count.
                if (hits.Count == 0 || page.NbPages is not { } pages || number >= pages - 1) break;
                number++;
                page = await _client.GetPageAsync(slice.From, slice.To, number, ct);
                result = result with { Requests = result.Requests + 1 };
            }
            progress?.Invoke($"{DateTimeOffset.FromUnixTimeSeconds(slice.From):HH:mm}–{DateTimeOffset.FromUnixTimeSeconds(slice.To):HH:mm}: {result.StoriesKept} stories so far");
        }
        return result;
    }

    private (int Kept, int Links) StorePage(StoreTransaction tx, List<AlgoliaHit> hits, DateTimeOffset measuredAt)
    {
        int kept = 0, links = 0;
        foreach (var hit in hits)
        {
            if (hit.ObjectId is not { Length: > 0 } id || hit.Url is not { Length: > 0 } url) continue;
            var papers = _finder.FindInUrl(url);
            if (papers.Count == 0) continue;
            var title = hit.Title ?? "";
            var created = hit.CreatedAtI is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : DateTimeOffset.TryParse(hit.CreatedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : measuredAt;
            var author = hit.Author ?? "";
            // The story as a post: its title, then its link (an entity, in code points like every other post).
            var text = title.Length == 0 ? url : title + "\n" + url;
            var urlStart = CodePoints(text[..(text.Length - url.Length)]);
            var entity = new PostEntity(EntityKind.Url, urlStart, urlStart + CodePoints(url), url);
            tx.Posts.Upsert(new SocialPost(Platform, id, author, author, created, "", "auto", text, [entity]), PostSource.Api);
            var points = hit.Points ?? 0;
            var comments = hit.NumComments ?? 0;
            tx.HackerNews.Upsert(id, url, title, points, comments, measuredAt);
            tx.Posts.AddSnapshot(new EngagementSnapshot(Platform, id, 0, (int)Math.Clamp(points, 0, int.MaxValue), measuredAt));
            foreach (var paper in papers) tx.Posts.LinkArxiv(Platform, id, paper);
            kept++;
            links += papers.Count;
        }
        return (kept, links);
    }

    private static int CodePoints(string s) => s.EnumerateRunes().Count();
}
