using System.Text;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>
/// A rewound resume sends events again. A like or repost that still stands is refused by its own engagement row; one
/// deleted since is refused by the delete's identity in <c>jetstream_seen</c> (the row is gone). Each case is checked
/// within one listener's run and after a restart, which reads only the store.
/// </summary>
public sealed class JetstreamReplayTests
{
    private const string Post = "at://did:plc:author/app.bsky.feed.post/3kkeep";

    private static readonly string Kept = Frame(10, "did:plc:author", "app.bsky.feed.post", "3kkeep", "create",
        """{"$type":"app.bsky.feed.post","text":"read https://arxiv.org/abs/2401.01234","createdAt":"2024-01-09T10:31:08.600Z"}""");

    private static readonly string Like = Frame(20, "did:plc:fan", "app.bsky.feed.like", "3like", "create",
        $$$"""{"$type":"app.bsky.feed.like","createdAt":"2024-01-09T10:31:08.600Z","subject":{"cid":"c","uri":"{{{Post}}}"}}""");

    private static readonly string Unlike = Frame(30, "did:plc:fan", "app.bsky.feed.like", "3like", "delete", record: null);

    private static string Frame(long timeUs, string did, string collection, string rkey, string operation, string? record) =>
        $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"commit","commit":{"rev":"3rev{{{timeUs}}}","operation":"{{{operation}}}","collection":"{{{collection}}}","rkey":"{{{rkey}}}"{{{(record is null ? "" : ",\"record\":" + record)}}}}}""";

    [Fact]
    public void A_replayed_like_that_still_stands_is_refused_by_its_row_and_needs_no_identity_row()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var listener = new Listener(store);
        listener.Apply(Kept, Like);

        var replay = listener.Apply(Like);

        Assert.Equal((0, 1), (replay.Likes, replay.Duplicates));
        Assert.Equal(1, store.LoadBlueskyPost(Post)!.Likes);
        Assert.DoesNotContain(store.Jetstream.LoadSeen(), s => s.Key.Contains("app.bsky.feed.like", StringComparison.Ordinal));
        Assert.Equal(1, new Listener(store).Apply(Like).Duplicates);
        Assert.Equal(1, store.LoadBlueskyPost(Post)!.Likes);
    }

    [Fact]
    public void A_like_deleted_and_then_replayed_is_not_counted_again_in_the_same_run_or_after_a_restart()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var listener = new Listener(store);
        listener.Apply(Kept, Like);
        listener.Apply(Unlike);
        Assert.Equal(0, store.LoadBlueskyPost(Post)!.Likes);

        // The replay stops between the create and the delete, so the stored count is checked with only the create re-sent.
        var replay = listener.Apply(Like);
        Assert.Equal((0, 1), (replay.Likes, replay.Duplicates));
        Assert.Equal(0, store.LoadBlueskyPost(Post)!.Likes);

        var restarted = new Listener(store).Apply(Like);
        Assert.Equal((0, 1), (restarted.Likes, restarted.Duplicates));
        Assert.Equal(0, store.LoadBlueskyPost(Post)!.Likes);
    }

    [Fact]
    public void A_store_whose_listener_recorded_the_identity_of_every_like_still_refuses_their_replays()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        new Listener(store).Apply(Kept, Like, Unlike);
        // As an earlier listener left it: the like's own create identity recorded, not its delete's.
        store.Sql.Run("DELETE FROM jetstream_seen WHERE event_key LIKE '%|app.bsky.feed.like|%'");
        store.Write(tx => tx.Jetstream.MarkSeen([("did:plc:fan|app.bsky.feed.like|3like|create|3rev20", 20)]));

        var replay = new Listener(store).Apply(Like);

        Assert.Equal((0, 1), (replay.Likes, replay.Duplicates));
        Assert.Equal(0, store.LoadBlueskyPost(Post)!.Likes);
    }

    /// <summary>The listener's two sides over one store: triage and read-ahead, then one batch per call.</summary>
    private sealed class Listener
    {
        private readonly JetstreamIngestor _ingestor;
        private readonly JetstreamTriage _triage;
        private readonly BlueskyPostReader _reader = new(ArxivIdFinders.Default);

        public Listener(HotPapersStore store)
        {
            _ingestor = new JetstreamIngestor(store, new JetstreamOptions(), ArxivIdFinders.Default);
            _triage = new JetstreamTriage(_ingestor.KeptPosts, store.Bluesky.EngagementKeys());
            _ingestor.Reloaded = _triage.AddKept;
        }

        public JetstreamStats Apply(params string[] frames)
        {
            var batch = new List<JetstreamEvent>();
            foreach (var json in frames)
            {
                Assert.True(_triage.TryRead(Encoding.UTF8.GetBytes(json), out var item, out var error), error?.Message);
                if (item.Frame is { } frame) JetstreamIngestor.ReadAhead(frame, _reader);
                batch.Add(item);
            }
            return _ingestor.Apply(batch, final: false);
        }
    }
}
