using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing.Jetstream;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

public sealed class JetstreamListenerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static JetstreamOptions Options(Uri url, long until) => new()
    {
        Url = url,
        BatchSize = 500,
        BatchInterval = TimeSpan.FromMilliseconds(50),
        Rewind = TimeSpan.FromMilliseconds(200),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        UntilCursor = until,
    };

    private static async Task<JetstreamStats> Run(HotPapersStore store, JetstreamOptions options, Action<JetstreamStats, CancellationTokenSource>? onCommit = null)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var listener = new JetstreamListener(store, options, TimeProvider.System)
        {
            Committed = onCommit is null ? null : totals => onCommit(totals, cts),
        };
        return await listener.RunAsync(cts.Token);
    }

    /// <summary>Compares the store with the model; the message names the first post that differs.</summary>
    private static void AssertMatchesModel(HotPapersStore store, JetstreamModel model)
    {
        Assert.NotEmpty(model.EverKept);
        Assert.Equal(model.Kept.OrderBy(u => u, StringComparer.Ordinal), store.Bluesky.KeptPostUris().OrderBy(u => u, StringComparer.Ordinal));
        foreach (var uri in model.EverKept.OrderBy(u => u, StringComparer.Ordinal))
        {
            var state = store.LoadBlueskyPost(uri);
            Assert.True(state is not null, $"post not kept: {uri}");
            var expected = model.Counts[uri];
            Assert.True((expected.Likes, expected.Reposts, expected.Quotes) == (state.Likes, state.Reposts, state.Quotes),
                $"{uri}: expected likes/reposts/quotes {expected}, stored ({state.Likes}, {state.Reposts}, {state.Quotes})");
        }
    }

    [Fact]
    public async Task A_whole_replay_keeps_the_arxiv_posts_and_counts_like_the_model()
    {
        var events = JetstreamStreamGenerator.Generate(20_000, seed: 7);
        var model = JetstreamModel.Of(events);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        using var store = temp.Open();

        var stats = await Run(store, Options(server.Url, events[^1].TimeUs));

        Assert.Equal(events.Count, stats.Events);
        Assert.Equal(events[^1].TimeUs, store.Jetstream.LoadCursor("jetstream"));
        Assert.Equal(0, stats.Duplicates);
        AssertMatchesModel(store, model);
        Assert.True(model.Counts.Values.Sum(c => c.Likes) > 100, "the stream should exercise counting");
    }

    [Fact]
    public async Task The_subscribe_request_names_the_three_collections()
    {
        var events = JetstreamStreamGenerator.Generate(50, seed: 3);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        using var store = temp.Open();

        await Run(store, Options(server.Url, events[^1].TimeUs));

        var query = Assert.Single(server.Requests);
        Assert.Equal("?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.feed.like&wantedCollections=app.bsky.feed.repost", query);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(7_345)]
    [InlineData(15_999)]
    public async Task Killed_mid_stream_and_restarted_it_loses_nothing_and_counts_nothing_twice(int killAfter)
    {
        var events = JetstreamStreamGenerator.Generate(20_000, seed: killAfter);
        var model = JetstreamModel.Of(events);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        var options = Options(server.Url, events[^1].TimeUs);

        long committedCursor;
        using (var store = temp.Open())
        {
            // A crash: the batch in hand is never committed.
            var first = await Run(store, options with { CommitOnStop = false }, (totals, cts) =>
            {
                if (totals.Events >= killAfter) cts.Cancel();
            });
            Assert.True(first.Events < events.Count, "the first run must stop mid-stream");
            committedCursor = store.Jetstream.LoadCursor("jetstream")!.Value;
        }
        using (var store = temp.Open())
        {
            var second = await Run(store, options);
            Assert.True(second.Duplicates > 0 || second.Events > 0);
            AssertMatchesModel(store, model);
            Assert.Equal(events[^1].TimeUs, store.Jetstream.LoadCursor("jetstream"));
        }
        // The restart resumed before the committed cursor (rewound), not from the live tail.
        var resumed = server.Requests.Last();
        Assert.Contains($"cursor={committedCursor - 200_000}", resumed);
    }

    [Fact]
    public async Task Killed_repeatedly_it_still_ends_with_the_model_counts()
    {
        var events = JetstreamStreamGenerator.Generate(12_000, seed: 11);
        var model = JetstreamModel.Of(events);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        var options = Options(server.Url, events[^1].TimeUs);
        long duplicates = 0;
        foreach (var killAfter in new[] { 2_500, 1_700, 3_100, 900 })
        {
            using var store = temp.Open();
            var run = await Run(store, options with { CommitOnStop = false }, (totals, cts) =>
            {
                if (totals.Events >= killAfter) cts.Cancel();
            });
            duplicates += run.Duplicates;
        }
        using (var store = temp.Open())
        {
            duplicates += (await Run(store, options)).Duplicates;
            AssertMatchesModel(store, model);
        }
        Assert.True(duplicates > 0, "rewound resumes should have met events already applied");
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_from_a_rewound_cursor()
    {
        var events = JetstreamStreamGenerator.Generate(10_000, seed: 5);
        var model = JetstreamModel.Of(events);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json), dropAfter: [4_000, 2_000]);
        using var temp = new TempStore();
        using var store = temp.Open();

        var stats = await Run(store, Options(server.Url, events[^1].TimeUs));

        Assert.Equal(3, stats.Connections);
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.DoesNotContain("cursor=", requests[0]);
        Assert.Contains($"cursor={events[3_999].TimeUs - 200_000}", requests[1]);
        Assert.True(stats.Duplicates > 0);
        AssertMatchesModel(store, model);
    }

    [Fact]
    public async Task Stopping_commits_what_was_received_and_the_cursor_covers_it()
    {
        var events = JetstreamStreamGenerator.Generate(8_000, seed: 9);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        using var store = temp.Open();

        var stats = await Run(store, Options(server.Url, events[^1].TimeUs) with { BatchSize = 300 }, (totals, cts) =>
        {
            if (totals.Events >= 3_000) cts.Cancel();
        });

        Assert.True(stats.Events >= 3_000 && stats.Events < events.Count);
        var cursor = store.Jetstream.LoadCursor("jetstream");
        Assert.Equal(events[(int)stats.Events - 1].TimeUs, cursor);
        // What was committed is exactly the model of the prefix up to the cursor.
        AssertMatchesModel(store, JetstreamModel.Of(events.Take((int)stats.Events)));
    }

    [Fact]
    public async Task Max_events_stops_after_that_many_and_writes_snapshots()
    {
        var events = JetstreamStreamGenerator.Generate(6_000, seed: 13);
        var model = JetstreamModel.Of(events.Take(5_000));
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        using var store = temp.Open();

        var stats = await Run(store, Options(server.Url, long.MaxValue) with { UntilCursor = null, MaxEvents = 5_000 });

        Assert.Equal(5_000, stats.Events);
        AssertMatchesModel(store, model);
        var changed = model.Counts.Where(c => c.Value != (0, 0, 0)).ToList();
        Assert.NotEmpty(changed);
        foreach (var (uri, counts) in changed)
        {
            var snapshot = store.LoadLatestSnapshot("bluesky", uri);
            Assert.True(snapshot is not null, $"no snapshot for {uri}");
            Assert.Equal((int)counts.Likes, snapshot.Likes);
            Assert.Equal((int)counts.Reposts, snapshot.Reposts);
        }
    }

    [Fact]
    public async Task With_no_server_it_retries_with_doubling_back_off_and_stops_cleanly()
    {
        var port = LoopbackListener.UnusedPort(); // nothing listens there
        using var temp = new TempStore();
        using var store = temp.Open();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var options = Options(new Uri($"ws://127.0.0.1:{port}/subscribe"), long.MaxValue) with
        {
            InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(80),
        };
        var listener = new JetstreamListener(store, options, TimeProvider.System, log: log.Enqueue);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500));

        var stats = await listener.RunAsync(cts.Token);

        Assert.Equal(0, stats.Connections);
        Assert.Equal(0, stats.Events);
        var delays = log.Where(l => l.StartsWith("reconnecting in", StringComparison.Ordinal)).Take(4).ToArray();
        Assert.Equal(["reconnecting in 0.02 s", "reconnecting in 0.04 s", "reconnecting in 0.08 s", "reconnecting in 0.08 s"], delays);
        Assert.Null(store.Jetstream.LoadCursor("jetstream"));
    }

    [Fact]
    public async Task The_spec_samples_keep_the_mixtral_post_with_code_point_facets_and_its_counts()
    {
        var lines = File.ReadAllLines(TestData.PathOf("bluesky", "jetstream-spec-sample.jsonl"));
        await using var server = new JetstreamReplayServer(lines);
        using var temp = new TempStore();
        using var store = temp.Open();

        var stats = await Run(store, Options(server.Url, 1732206349000300));

        Assert.Equal(1, stats.Malformed);
        const string mixtral = "at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lxyzabc2k22y";
        var state = store.LoadBlueskyPost(mixtral)!;
        Assert.Equal((1L, 1L, 1L), (state.Likes, state.Reposts, state.Quotes));
        Assert.True(state.HasEmbed);
        Assert.Equal("bafyreigh7yhpxq6y5s3rk4ctq3gyjfrp4b3nmvzkmacgdr3j4zdq6vxrqe", state.Cid);
        var post = store.LoadPost("bluesky", mixtral)!;
        Assert.Equal("researcher.bsky.social", post.AuthorHandle); // learnt from the identity event
        Assert.Equal("de", post.Lang);
        var link = Assert.Single(post.Entities);
        Assert.Equal(new HotPapers.Domain.PostEntity(HotPapers.Domain.EntityKind.Url, 16, 40, "https://arxiv.org/abs/2401.04088", "arxiv.org/abs/2401.04088"), link);
        Assert.Equal(["2401.04088"], store.LoadArxivLinks("bluesky", mixtral));

        // What the stream gave is enough for Bluesky's embed: cid, the embed flag, the text, the handle, the time.
        var embed = new BlueskyPresenter().RenderEmbed(post, new HotPapers.Social.PresentContext(store, TimeZoneInfo.Utc));
        Assert.StartsWith("<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lxyzabc2k22y\" data-bluesky-cid=\"bafyreigh7yhpxq6y5s3rk4ctq3gyjfrp4b3nmvzkmacgdr3j4zdq6vxrqe\"", embed);
        Assert.Contains("<p lang=\"de\">Schöne Arbeit 🎉 arxiv.org/abs/2401.04088 via @alice.bsky.social #LLM<br><br><a href=\"https://bsky.app/profile/did:plc:4hqjfn7m6n5hno3doamuhgef/post/3lxyzabc2k22y?ref_src=embed\">[image or embed]</a></p>", embed);
        Assert.Contains("&mdash; <a href=\"https://bsky.app/profile/did:plc:4hqjfn7m6n5hno3doamuhgef?ref_src=embed\">@researcher.bsky.social</a> <a href=\"https://bsky.app/profile/did:plc:4hqjfn7m6n5hno3doamuhgef/post/3lxyzabc2k22y?ref_src=embed\">2024-01-09T10:31:07.118Z</a></blockquote>", embed);

        const string pdfPost = "at://did:plc:yj3sjq3blzpynh27cumnp5ks/app.bsky.feed.post/3lbhtyteurk3b";
        Assert.Equal(["2010.13581"], store.LoadArxivLinks("bluesky", pdfPost));
        var pdf = store.LoadPost("bluesky", pdfPost)!;
        Assert.Equal(new DateTimeOffset(2024, 11, 21, 16, 9, 28, 225, TimeSpan.Zero), pdf.CreatedAt);
        Assert.Equal("", pdf.Lang);
        Assert.Single(pdf.Entities); // the out-of-range tag facet is skipped
        Assert.Equal(["at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lxyzabc2k22y", pdfPost],
            store.Bluesky.KeptPostUris().Order(StringComparer.Ordinal));
    }
}
