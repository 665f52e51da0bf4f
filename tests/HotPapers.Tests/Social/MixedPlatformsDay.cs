using HotPapers.Domain;
using HotPapers.Social.Bluesky;
using HotPapers.Social.HackerNews;
using HotPapers.Store;
using HotPapers.Testing.Jetstream;
using HotPapers.Testing;

namespace HotPapers.Tests.Social;

/// <summary>
/// One paper (Mixtral, 2401.04088, announced 2024-01-09) discussed on three platforms, stored as each source stores
/// it: an X post with its counts, the Bluesky post of the Jetstream spec sample taken in by the real listener (so its
/// author has a handle but no display name) with a later snapshot, and a Hacker News story with points and comments.
/// </summary>
internal static class MixedPlatformsDay
{
    public static readonly DateOnly Day = new(2024, 1, 9);
    public static readonly ArxivId Paper = ArxivId.Parse("2401.04088");
    public const string XPostId = "1744700000000000001";
    public const string BlueskyPostId = "at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lxyzabc2k22y";
    public const string HackerNewsId = "38911002";

    public static async Task FillAsync(HotPapersStore store)
    {
        var lines = File.ReadAllLines(TestData.PathOf("bluesky", "jetstream-spec-sample.jsonl"));
        await using (var server = new JetstreamReplayServer(lines))
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var options = new JetstreamOptions
            {
                Url = server.Url, BatchSize = 500, BatchInterval = TimeSpan.FromMilliseconds(50), Rewind = TimeSpan.FromMilliseconds(200),
                InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(100), UntilCursor = 1732206349000300,
            };
            await new JetstreamListener(store, options, TimeProvider.System).RunAsync(cts.Token);
        }
        var measured = new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.Zero); // after the stream's own snapshots
        store.Write(tx =>
        {
            tx.Papers.Upsert(new Paper(Paper, "Mixtral of Experts", ["Albert Q. Jiang", "Alexandre Sablayrolles"],
                [new Subject("cs.LG", "Machine Learning")], "We introduce Mixtral 8x7B.", "https://arxiv.org/abs/2401.04088",
                "https://arxiv.org/pdf/2401.04088", Day, 1));
            tx.Papers.Announce(Day, Paper, 1, "new");

            var tweetText = "Mixtral of Experts https://t.co/abcdefghij";
            tx.Posts.Upsert(new SocialPost(SocialPost.X, XPostId, "ak92501", "AK", new DateTimeOffset(2024, 1, 9, 12, 0, 0, TimeSpan.Zero), "en", "ltr",
                tweetText, [new PostEntity(EntityKind.Url, 19, 42, "https://t.co/abcdefghij", "arxiv.org/abs/2401.04088", "https://arxiv.org/abs/2401.04088")]), PostSource.Api);
            tx.Posts.LinkArxiv(SocialPost.X, XPostId, Paper);
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, XPostId, 120, 480, measured));

            // More likes and reposts arrived after the sample's events: the listener's later snapshot.
            tx.Posts.LinkArxiv(BlueskyPlatform.Name, BlueskyPostId, Paper);
            tx.Posts.AddSnapshot(new EngagementSnapshot(BlueskyPlatform.Name, BlueskyPostId, 30, 70, measured));

            const string url = "https://arxiv.org/abs/2401.04088";
            tx.Posts.Upsert(new SocialPost(HackerNewsPlatform.Name, HackerNewsId, "pg", "pg", new DateTimeOffset(2024, 1, 9, 15, 0, 0, TimeSpan.Zero), "", "auto",
                "Mixtral of Experts\n" + url, [new PostEntity(EntityKind.Url, 19, 19 + url.Length, url)]), PostSource.Api);
            tx.HackerNews.Upsert(HackerNewsId, url, "Mixtral of Experts", 400, 150, measured);
            tx.Posts.AddSnapshot(new EngagementSnapshot(HackerNewsPlatform.Name, HackerNewsId, 0, 400, measured));
            tx.Posts.LinkArxiv(HackerNewsPlatform.Name, HackerNewsId, Paper);
        });
    }
}
