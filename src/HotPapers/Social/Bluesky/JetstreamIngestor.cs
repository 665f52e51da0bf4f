using System.Runtime.CompilerServices;
using HotPapers.Store;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Applies Jetstream events to the store, one transaction per batch: keeps posts that link arXiv papers, counts
/// likes, reposts and quotes of kept posts (deletes subtract), and moves the cursor in the same transaction, so
/// a crash loses nothing committed and a rewound resume counts nothing twice. Engagements are remembered for good
/// (so deletes can be matched), and a replayed like or repost is refused by its own row; what else a replay could
/// repeat is remembered for <see cref="JetstreamOptions.SeenWindow"/> (see <see cref="MarkSeen"/> and
/// <see cref="RetireEngagement"/>).
/// </summary>
internal sealed class JetstreamIngestor
{
    private readonly HotPapersStore _store;
    private readonly JetstreamOptions _options;
    private readonly BlueskyPostReader _reader;
    private KeptPostSet _kept = null!;
    private Dictionary<string, long> _seen = null!;
    // Likes and reposts deleted within the seen window, as did|collection|rkey: their rows are gone, so only this
    // refuses a replay of their create.
    private Dictionary<string, long> _retired = null!;
    private long _lastSnapshotUs;
    private long _lastPruneUs;
    // Identities older than this are gone from jetstream_seen too; the memory keeps everything newer, so that it
    // always holds every identity the table does and the table never needs asking.
    private long _storePrunedBeforeUs = long.MinValue;

    public JetstreamIngestor(HotPapersStore store, JetstreamOptions options, IArxivIdFinder finder)
    {
        _store = store;
        _options = options;
        _reader = new BlueskyPostReader(finder);
        JetstreamBatchWrites.Prepare(store);
        Reload();
    }

    /// <summary>The last committed <c>time_us</c>.</summary>
    public long? Cursor { get; private set; }

    /// <summary>The posts whose likes, reposts and quotes are counted now.</summary>
    public IReadOnlyCollection<string> KeptPosts => _kept;

    /// <summary>Told the kept posts read back from the store after a rolled-back batch (they may include posts kept elsewhere meanwhile).</summary>
    public Action<IEnumerable<string>>? Reloaded { get; set; }

    /// <summary>How a batch's writes are run; tests set <see cref="JetstreamBatchWrites.Portable"/> to compare the fast path with it.</summary>
    internal Func<StoreTransaction, JetstreamBatchWrites> Writes { get; init; } = JetstreamBatchWrites.For;

    private long SeenWindowUs => Math.Max(_options.SeenWindow.Ticks, _options.Rewind.Ticks * 2) / 10;

    /// <summary>Reads the in-memory view (kept posts, recent event identities, cursor) back from the store.</summary>
    private void Reload()
    {
        _kept = new KeptPostSet(_store.Bluesky.KeptPostUris());
        _seen = new Dictionary<string, long>(StringComparer.Ordinal);
        _retired = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, timeUs) in _store.Jetstream.LoadSeen())
        {
            // A like's or repost's identity, whatever its operation: a delete recorded by RetireEngagement, or a create
            // recorded by a listener from before it (refusing its replay, as that listener did).
            if (EngagementOf(key) is { } engagement) _retired.TryAdd(engagement, timeUs);
            else _seen[key] = timeUs;
        }
        Cursor = _store.Jetstream.LoadCursor(_options.StreamName);
        _lastSnapshotUs = _lastPruneUs = Cursor ?? 0;
        _storePrunedBeforeUs = long.MinValue;
        Reloaded?.Invoke(_kept.ToList());
    }

    /// <summary>
    /// Applies a batch in one transaction. <paramref name="final"/> forces the snapshot checkpoint. Events without a
    /// frame were skipped unparsed as irrelevant: they count as events and move the cursor, nothing else.
    /// </summary>
    public JetstreamStats Apply(IReadOnlyList<JetstreamEvent> frames, bool final)
    {
        if (frames.Count == 0 && !final) return new JetstreamStats();
        try
        {
            return _store.Write(tx =>
            {
                using var writes = Writes(tx);
                var batch = new Batch(tx, writes);
                var last = Cursor ?? 0;
                foreach (var e in frames)
                {
                    last = Math.Max(last, e.TimeUs);
                    if (e.Frame is { } frame) ApplyOne(batch, frame);
                }
                writes.MarkSeen(batch.NewSeen);
                foreach (var (uri, d) in batch.Deltas)
                    if (d.Likes != 0 || d.Reposts != 0 || d.Quotes != 0) writes.AddCounts(uri, d.Likes, d.Reposts, d.Quotes);
                var cursor = frames.Count == 0 ? Cursor : last;
                if (cursor is { } c && frames.Count > 0) tx.Jetstream.SetCursor(_options.StreamName, c);
                var snapshots = 0;
                if (cursor is { } at && (final || at - _lastSnapshotUs >= _options.SnapshotEvery.Ticks / 10))
                {
                    snapshots = tx.Bluesky.WriteDueSnapshots(BlueskyTime.FromUnixMicroseconds(at));
                    _lastSnapshotUs = at;
                }
                if (cursor is { } now && now - _lastPruneUs >= SeenWindowUs / 4)
                {
                    tx.Jetstream.PruneSeen(now - SeenWindowUs);
                    _storePrunedBeforeUs = now - SeenWindowUs;
                    _lastPruneUs = now;
                }
                Cursor = cursor;
                return batch.Stats with
                {
                    Events = frames.Count, Batches = 1, Snapshots = snapshots, Cursor = cursor,
                    Likes = batch.Deltas.Values.Sum(d => d.Likes),
                    Reposts = batch.Deltas.Values.Sum(d => d.Reposts),
                    Quotes = batch.Deltas.Values.Sum(d => d.Quotes),
                };
            });
        }
        catch
        {
            // The transaction rolled back: the in-memory view must not keep what it added.
            Reload();
            throw;
        }
        finally
        {
            if (Cursor is { } now && _seen.Count + _retired.Count > 4096) PruneMemory(Math.Min(now - SeenWindowUs, _storePrunedBeforeUs));
        }
    }

    private void PruneMemory(long olderThanUs)
    {
        foreach (var remembered in (Dictionary<string, long>[])[_seen, _retired])
            foreach (var key in remembered.Where(s => s.Value < olderThanUs).Select(s => s.Key).ToList()) remembered.Remove(key);
    }

    /// <summary>
    /// Reads a post that may link arXiv into <see cref="JetstreamFrame.Reading"/>, as <see cref="ApplyPost"/> would:
    /// the receiving side calls this so that the committing side, which the listener waits for, only writes. The
    /// reading depends on the frame alone (not on what is kept), so it is the same on either side.
    /// </summary>
    internal static void ReadAhead(JetstreamFrame frame, BlueskyPostReader reader)
    {
        if (frame is not { Kind: "commit", Did: { } did, Commit: { Collection: BlueskyPlatform.PostCollection, Rkey: { } rkey, Operation: "create" or "update", Record: { } record } }) return;
        if (!BlueskyPostReader.MayLinkPaper(record)) return;
        frame.Reading = reader.Read(AtUri.Post(did, rkey), record, handle: null, displayName: null, BlueskyTime.FromUnixMicroseconds(frame.TimeUs));
    }

    // Run for every relevant event: compiled optimised at the first call rather than tiered up (see JetstreamTriage).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyOne(Batch batch, JetstreamFrame frame)
    {
        if (frame.Did is not { } did) return;
        if (frame.Kind == "identity")
        {
            // Jetstream events carry only DIDs; an identity event is the one chance to learn the handle.
            if (frame.Identity?.Handle is { Length: > 0 } handle && _kept.HasAuthor(did))
                batch.Tx.Bluesky.UpdateHandle(did, handle);
            return;
        }
        if (frame.Kind != "commit" || frame.Commit is not { Collection: { } collection, Rkey: { } rkey, Operation: { } operation } commit) return;
        switch (collection)
        {
            case BlueskyPlatform.PostCollection:
                ApplyPost(batch, frame, did, rkey, operation, commit);
                break;
            case BlueskyPlatform.LikeCollection:
            case BlueskyPlatform.RepostCollection:
                ApplyEngagement(batch, frame, did, collection, rkey, operation, commit);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyPost(Batch batch, JetstreamFrame frame, string did, string rkey, string operation, JetstreamCommit commit)
    {
        var uri = AtUri.Post(did, rkey);
        var uriText = uri.ToString();
        if (operation == "delete")
        {
            // Deletes are idempotent by nature: the engagement row is gone after the first one.
            if (batch.Writes.RemoveEngagement(did, BlueskyPlatform.PostCollection, rkey) is { } quoted)
                batch.Delta(quoted).Quotes--;
            if (_kept.Remove(uriText)) batch.Writes.MarkDeleted(uriText);
            return;
        }
        if (operation is not ("create" or "update") || commit.Record is not { } record) return;
        var quotedUri = BlueskyPostReader.QuotedUri(record.Embed);
        var quotesKept = operation == "create" && quotedUri is not null && _kept.Contains(quotedUri);
        var reading = frame.Reading;
        if (reading is null)
        {
            if (!quotesKept && !BlueskyPostReader.MayLinkPaper(record)) return;
            reading = _reader.Read(uri, record, handle: null, displayName: null, BlueskyTime.FromUnixMicroseconds(frame.TimeUs));
        }
        if (reading.Papers.Count == 0 && !quotesKept) return;
        if (!MarkSeen(batch, frame, BlueskyPlatform.PostCollection, rkey, operation, commit.Rev)) return;
        if (reading.Papers.Count > 0)
        {
            batch.Writes.UpsertPost(reading.Post);
            batch.Writes.KeepPost(uriText, did, commit.Cid, reading.HasEmbed, BlueskyTime.FromUnixMicroseconds(frame.TimeUs));
            foreach (var paper in reading.Papers) batch.Writes.LinkArxiv(uriText, paper);
            if (_kept.Add(uriText))
            {
                batch.Stats = batch.Stats with { PostsKept = batch.Stats.PostsKept + 1 };
            }
        }
        if (quotesKept && batch.Writes.AddEngagement(did, BlueskyPlatform.PostCollection, rkey, quotedUri!))
            batch.Delta(quotedUri!).Quotes++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyEngagement(Batch batch, JetstreamFrame frame, string did, string collection, string rkey, string operation, JetstreamCommit commit)
    {
        var isLike = collection == BlueskyPlatform.LikeCollection;
        if (operation == "delete")
        {
            if (batch.Writes.RemoveEngagement(did, collection, rkey) is not { } subject) return;
            RetireEngagement(batch, frame, did, collection, rkey, commit.Rev);
            if (isLike) batch.Delta(subject).Likes--;
            else batch.Delta(subject).Reposts--;
            return;
        }
        if (operation != "create" || commit.Record?.Subject?.Uri is not { } target || !_kept.Contains(target)) return;
        // A replayed create: its row is there (the insert does nothing), or it was deleted since (retired).
        if ((_retired.Count > 0 && _retired.ContainsKey(EngagementKey(did, collection, rkey))) || !batch.Writes.AddEngagement(did, collection, rkey, target))
        {
            batch.Stats = batch.Stats with { Duplicates = batch.Stats.Duplicates + 1 };
            return;
        }
        if (isLike) batch.Delta(target).Likes++;
        else batch.Delta(target).Reposts++;
    }

    /// <summary>
    /// Remembers a deleted like or repost, so that a replay of its create is not counted again now that its row is
    /// gone: recorded in <c>jetstream_seen</c> as the delete's identity. A like or repost that stays needs no such
    /// record, its row refuses the replay; that is most of them, and it spares an identity row per engagement.
    /// </summary>
    private void RetireEngagement(Batch batch, JetstreamFrame frame, string did, string collection, string rkey, string? rev)
    {
        if (_retired.TryAdd(EngagementKey(did, collection, rkey), frame.TimeUs))
            batch.NewSeen.Add((Identity(did, collection, rkey, "delete", rev), frame.TimeUs));
    }

    private static string EngagementKey(string did, string collection, string rkey) => string.Join('|', did, collection, rkey);

    /// <summary>An event's identity in <c>jetstream_seen</c>: did|collection|rkey|operation|rev (read back by <see cref="EngagementOf"/>).</summary>
    private static string Identity(string did, string collection, string rkey, string operation, string? rev) =>
        string.Join('|', did, collection, rkey, operation, rev ?? "");

    /// <summary>did|collection|rkey when an identity (did|collection|rkey|operation|rev) is a like's or repost's, else null.</summary>
    private static string? EngagementOf(string identity)
    {
        var parts = identity.Split('|');
        return parts.Length == 5 && parts[1] is BlueskyPlatform.LikeCollection or BlueskyPlatform.RepostCollection
            ? EngagementKey(parts[0], parts[1], parts[2]) : null;
    }

    /// <summary>
    /// True the first time a post event's identity is applied; a replay is counted as a duplicate and skipped. The
    /// memory holds every identity <c>jetstream_seen</c> does (loaded at start, pruned only behind the table), so it
    /// alone decides; new identities are written at the end of the batch, in its transaction, several rows a statement.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MarkSeen(Batch batch, JetstreamFrame frame, string collection, string rkey, string operation, string? rev)
    {
        var key = Identity(frame.Did!, collection, rkey, operation, rev);
        if (!_seen.TryAdd(key, frame.TimeUs))
        {
            batch.Stats = batch.Stats with { Duplicates = batch.Stats.Duplicates + 1 };
            return false;
        }
        batch.NewSeen.Add((key, frame.TimeUs));
        return true;
    }

    private sealed class Counts
    {
        public long Likes;
        public long Reposts;
        public long Quotes;
    }

    private sealed class Batch(StoreTransaction tx, JetstreamBatchWrites writes)
    {
        public StoreTransaction Tx { get; } = tx;
        public JetstreamBatchWrites Writes { get; } = writes;
        public Dictionary<string, Counts> Deltas { get; } = new(StringComparer.Ordinal);
        public List<(string Key, long TimeUs)> NewSeen { get; } = [];
        public JetstreamStats Stats { get; set; } = new();

        public Counts Delta(string uri)
        {
            if (!Deltas.TryGetValue(uri, out var counts)) Deltas[uri] = counts = new Counts();
            return counts;
        }
    }
}

/// <summary>One frame received: its <c>time_us</c>, and the parsed frame unless it was skipped as irrelevant.</summary>
internal readonly record struct JetstreamEvent(long TimeUs, JetstreamFrame? Frame);
