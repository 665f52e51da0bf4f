using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social.X;

/// <summary>What one collection run did.</summary>
public sealed record XCollectResult(
    int Queries, int QueriesRun, int Requests, int PostsRead, int PostsStored, int RepostsSkipped, int Links, int Snapshots, bool BudgetExhausted)
{
    /// <summary>Papers whose query was read to its last page: every post X had for them was seen.</summary>
    public int PapersCovered { get; init; }
}

/// <summary>
/// Searches X for posts linking a set of papers and stores what it finds: each original post (API source), a link to
/// every paper whose id it mentions, and an engagement snapshot measured now. Reposts are skipped: the original's
/// <c>public_metrics</c> already count them. Posts read never exceed <see cref="XOptions.ReadBudget"/>; each page is one
/// transaction, so an interrupted run keeps every page it finished.
/// </summary>
public sealed class XCollector(HotPapersStore store, XSearchClient search, XOptions options, TimeProvider clock)
{
    private const int MinPageSize = 10; // recent search refuses max_results below 10

    public async Task<XCollectResult> CollectAsync(IReadOnlyList<ArxivId> papers, CancellationToken ct = default)
    {
        var queries = XQueryBuilder.Build(papers, options.MaxQueryLength);
        int queriesRun = 0, read = 0, stored = 0, reposts = 0, links = 0, snapshots = 0, covered = 0;
        var exhausted = false;
        foreach (var query in queries)
        {
            string? next = null;
            var first = true;
            while (first || next is not null)
            {
                var left = options.ReadBudget - read;
                if (left < MinPageSize)
                {
                    exhausted = true;
                    break;
                }
                var page = await search.SearchAsync(query.Text, Math.Min(options.MaxResults, left), next, ct);
                if (first) queriesRun++;
                first = false;
                var tweets = XTweetConverter.Read(page.Response);
                read += tweets.Count + (page.Response.Includes?.Tweets?.Count ?? 0);
                var measuredAt = clock.GetUtcNow();
                store.Write(tx =>
                {
                    foreach (var tweet in tweets)
                    {
                        if (tweet.IsRepost)
                        {
                            reposts++;
                            continue;
                        }
                        if (tweet.Papers.Count == 0) continue; // the url: token matched something that is not a paper
                        if (PostFieldRules.Problem(tweet.Post) is not null) continue; // nothing X would send: never printed into a post
                        tx.Posts.Upsert(tweet.Post, PostSource.Api);
                        stored++;
                        foreach (var paper in tweet.Papers)
                            if (tx.Posts.LinkArxiv(tweet.Post.Platform, tweet.Post.PostId, paper)) links++;
                        if (tweet.Reposts is { } r && tweet.Likes is { } l)
                        {
                            tx.Posts.AddSnapshot(new EngagementSnapshot(tweet.Post.Platform, tweet.Post.PostId, r, l, measuredAt));
                            snapshots++;
                        }
                    }
                });
                next = page.Response.Meta?.NextToken;
            }
            if (exhausted) break;
            covered += query.Papers.Count;
        }
        return new XCollectResult(queries.Count, queriesRun, search.Requests, read, stored, reposts, links, snapshots, exhausted) { PapersCovered = covered };
    }
}
