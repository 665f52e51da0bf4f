namespace HotPapers.Social.Bluesky;

/// <summary>How the Jetstream listener connects, batches, resumes and stops.</summary>
public sealed record JetstreamOptions
{
    public const string DefaultUrl = "wss://jetstream2.us-east.bsky.network/subscribe";

    /// <summary>
    /// The listener's SQLite page cache: it touches a few index pages per batch, and a cache fills to its limit and
    /// stays, so the store's 64 MiB default was a third of the listener's memory for no measurable speed
    /// (148 against 127 MiB peak, same throughput: docs/benchmarks-history.md).
    /// </summary>
    public const int StorePageCacheMiB = 8;

    /// <summary>The <c>/subscribe</c> endpoint (setting <c>Bluesky:JetstreamUrl</c>).</summary>
    public Uri Url { get; init; } = new(DefaultUrl);

    public IReadOnlyList<string> WantedCollections { get; init; } =
        [BlueskyPlatform.PostCollection, BlueskyPlatform.LikeCollection, BlueskyPlatform.RepostCollection];

    /// <summary>The name the cursor is stored under; one per independent listener.</summary>
    public string StreamName { get; init; } = "jetstream";

    /// <summary>
    /// Parsed events per transaction at most. Frames skipped unparsed (<see cref="JetstreamTriage"/>) ride along
    /// and cost the transaction nothing but the cursor; a batch holds at most 16 times this many frames in all.
    /// </summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>A partial batch is committed once its first event is this old.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>On resume, start this far before the last event received: delivery is at-least-once and the edge may be ragged.</summary>
    public TimeSpan Rewind { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long (stream time) applied event identities are remembered; at least <see cref="Rewind"/>.</summary>
    public TimeSpan SeenWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Posts whose counts changed get a snapshot this often (stream time), and always when the listener stops.</summary>
    public TimeSpan SnapshotEvery { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Stop after this many events (all kinds, replays included).</summary>
    public long? MaxEvents { get; init; }

    /// <summary>Stop once an event at or after this <c>time_us</c> has been applied.</summary>
    public long? UntilCursor { get; init; }

    /// <summary>
    /// Commit the pending batch when stopped. Turning it off stands in for a crash (the process killed between
    /// commits), which is what the resume tests need.
    /// </summary>
    public bool CommitOnStop { get; init; } = true;

    /// <summary>
    /// Frames (parsed or skipped) waiting for the committing side, at most; beyond that the receiver waits and TCP
    /// flow control holds the stream back. It must hold more than one batch: a batch counts parsed events only, and
    /// 2,000 of them span ~6,400 frames of the generated stream, so at 4,096 the receiver stopped while each batch
    /// was applied and the committer then waited for the rest of the next one (the two sides took turns instead of
    /// working at once). With skipped frames kept as their time alone, 16,384 costs no measurable peak; when every
    /// frame was parsed it had cost ~12 MiB (docs/benchmarks-history.md).
    /// </summary>
    public int ChannelCapacity { get; init; } = 16_384;
}
