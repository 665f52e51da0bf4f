using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using HotPapers.Store;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Listens to Jetstream over a websocket and applies what it hears to the store (see <see cref="JetstreamIngestor"/>).
/// One task receives frames, skips those that cannot matter (<see cref="JetstreamTriage"/>), parses the rest and reads the posts among them that may link arXiv; the caller's task commits them in batches of
/// <see cref="JetstreamOptions.BatchSize"/> parsed events (skipped ones ride along) or <see cref="JetstreamOptions.BatchInterval"/>. A dropped
/// connection is reopened with exponential back-off, resuming <see cref="JetstreamOptions.Rewind"/> before the
/// last event received. Cancelling stops after committing what was received (unless
/// <see cref="JetstreamOptions.CommitOnStop"/> is off).
/// </summary>
public sealed class JetstreamListener
{
    /// <summary>A batch also closes once it holds this many frames per <see cref="JetstreamOptions.BatchSize"/>, parsed or not.</summary>
    internal const int MaxSkippedPerParsed = 16;

    /// <summary>
    /// Frames handed from the receiving task to the committing one together: one hand-over per frame woke the
    /// committer for every frame (a thread-pool dispatch, and mid-batch a timer). A chunk is handed over once full or
    /// as soon as the socket has nothing more to read, so it adds no delay (in the 200,000-event bench: ~780
    /// hand-overs instead of 200,000).
    /// </summary>
    internal const int ChunkSize = 256;

    private readonly HotPapersStore _store;
    private readonly JetstreamOptions _options;
    private readonly TimeProvider _time;
    private readonly IArxivIdFinder _finder;
    private readonly Func<ClientWebSocket> _socketFactory;
    private readonly Action<string> _log;

    public JetstreamListener(
        HotPapersStore store, JetstreamOptions options, TimeProvider time, IArxivIdFinder? finder = null,
        Func<ClientWebSocket>? socketFactory = null, Action<string>? log = null)
    {
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "BatchSize must be at least 1");
        _store = store;
        _options = options;
        _time = time;
        _finder = finder ?? ArxivIdFinders.Default;
        _socketFactory = socketFactory ?? (() => new ClientWebSocket());
        _log = log ?? (_ => { });
    }

    /// <summary>Where each side's time went in the last run (the bench prints it).</summary>
    internal JetstreamTimeline Timeline { get; } = new();

    /// <summary>Called after each commit with the running totals.</summary>
    public Action<JetstreamStats>? Committed { get; init; }

    /// <summary>The subscribe URL for a resume point (unix microseconds), or the live tail when null.</summary>
    public Uri SubscribeUri(long? cursor)
    {
        var query = new StringBuilder();
        foreach (var collection in _options.WantedCollections)
            query.Append(query.Length == 0 ? '?' : '&').Append("wantedCollections=").Append(Uri.EscapeDataString(collection));
        if (cursor is { } c) query.Append(query.Length == 0 ? '?' : '&').Append("cursor=").Append(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var baseUri = _options.Url.GetLeftPart(UriPartial.Path);
        return new Uri(baseUri + query);
    }

    public async Task<JetstreamStats> RunAsync(CancellationToken cancellationToken)
    {
        var ingestor = new JetstreamIngestor(_store, _options, _finder);
        var triage = new JetstreamTriage(ingestor.KeptPosts, _store.Bluesky.EngagementKeys());
        ingestor.Reloaded = triage.AddKept;
        var totals = new JetstreamStats { Cursor = ingestor.Cursor };
        if (_options.UntilCursor is { } until && ingestor.Cursor >= until) return totals;

        var channel = Channel.CreateBounded<List<JetstreamEvent>>(new BoundedChannelOptions(Math.Max(1, _options.ChannelCapacity / ChunkSize))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rewindUs = _options.Rewind.Ticks / 10;
        var receiver = new Receiver(this, triage, channel.Writer, ingestor.Cursor is { } start ? start - rewindUs : null, rewindUs);
        var receiving = Task.Run(() => receiver.RunAsync(stopReceiving.Token), CancellationToken.None);
        try
        {
            totals = await ProcessAsync(ingestor, channel.Reader, totals, cancellationToken);
        }
        finally
        {
            await stopReceiving.CancelAsync();
            await receiving;
        }
        return totals with { Connections = receiver.Connections, Malformed = totals.Malformed + receiver.Malformed };
    }

    private async Task<JetstreamStats> ProcessAsync(JetstreamIngestor ingestor, ChannelReader<List<JetstreamEvent>> reader, JetstreamStats totals, CancellationToken stop)
    {
        var batch = new List<JetstreamEvent>(_options.BatchSize);
        // The chunk being taken apart: a batch may close in the middle of one.
        List<JetstreamEvent>? chunk = null;
        var at = 0;
        bool Pending() => chunk is not null && at < chunk.Count;
        bool TryRead(out JetstreamEvent e)
        {
            while (!Pending())
            {
                if (!reader.TryRead(out chunk)) { chunk = null; e = default; return false; }
                at = 0;
            }
            e = chunk![at++];
            return true;
        }
        var parsed = 0;
        // Skipped frames cost a transaction nothing but the cursor, so a batch counts the parsed ones; it still
        // closes at MaxSkippedPerParsed times its size so that a quiet stretch holds little in memory.
        bool Full() => parsed >= _options.BatchSize || batch.Count >= _options.BatchSize * MaxSkippedPerParsed;
        void Add(JetstreamEvent e)
        {
            batch.Add(e);
            if (e.Frame is not null) parsed++;
        }
        var batchStarted = 0L;
        long events = 0;
        var done = false;
        while (!done)
        {
            if (stop.IsCancellationRequested)
            {
                // Ctrl+C: take what has already arrived, commit it, and stop.
                while (!Full() && TryRead(out var frame)) Add(frame);
                break;
            }
            var wait = batch.Count == 0 ? Timeout.InfiniteTimeSpan : _options.BatchInterval - _time.GetElapsedTime(batchStarted);
            if (!Pending() && (batch.Count == 0 || wait > TimeSpan.Zero))
            {
                var waiting = System.Diagnostics.Stopwatch.GetTimestamp();
                var arrived = await WaitToReadAsync(reader, wait, stop);
                Timeline.CommitterWaited(waiting);
                if (!arrived) { if (!stop.IsCancellationRequested && reader.Completion.IsCompleted) break; }
            }
            while (!Full() && TryRead(out var frame))
            {
                if (batch.Count == 0) batchStarted = _time.GetTimestamp();
                Add(frame);
                events++;
                if (events >= _options.MaxEvents || frame.TimeUs >= _options.UntilCursor)
                {
                    done = true;
                    break;
                }
            }
            if (batch.Count > 0 && (done || Full() || _time.GetElapsedTime(batchStarted) >= _options.BatchInterval))
            {
                totals = totals.Add(Timeline.Apply(() => ingestor.Apply(batch, final: false)));
                batch.Clear();
                parsed = 0;
                Committed?.Invoke(totals);
            }
        }
        if (_options.CommitOnStop || done)
        {
            totals = totals.Add(Timeline.Apply(() => ingestor.Apply(batch, final: true)));
            Committed?.Invoke(totals);
        }
        return totals;
    }

    /// <summary>Waits for a frame for at most <paramref name="wait"/>; false on timeout or stop.</summary>
    private async Task<bool> WaitToReadAsync(ChannelReader<List<JetstreamEvent>> reader, TimeSpan wait, CancellationToken stop)
    {
        if (wait == Timeout.InfiniteTimeSpan)
        {
            try { return await reader.WaitToReadAsync(stop); }
            catch (OperationCanceledException) { return false; }
        }
        using var timeout = new CancellationTokenSource(wait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stop);
        try { return await reader.WaitToReadAsync(linked.Token); }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>The receiving side: connect, read frames, skip or parse (see <see cref="JetstreamTriage"/>), hand over; reconnect with back-off when the connection drops.</summary>
    private sealed class Receiver(JetstreamListener owner, JetstreamTriage triage, ChannelWriter<List<JetstreamEvent>> writer, long? resumeFrom, long rewindUs)
    {
        private List<JetstreamEvent> _chunk = new(ChunkSize);
        // Posts are read here, while the committing side, which the listener waits for, writes the previous ones.
        private readonly BlueskyPostReader _reader = new(owner._finder);
        public long Connections;
        public long Malformed;
        private long? _lastTimeUs;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);

        public async Task RunAsync(CancellationToken stop)
        {
            var failures = 0;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var cursor = _lastTimeUs is { } last ? last - rewindUs : resumeFrom;
                    var received = 0L;
                    try
                    {
                        using var socket = owner._socketFactory();
                        var uri = owner.SubscribeUri(cursor);
                        await socket.ConnectAsync(uri, stop);
                        Interlocked.Increment(ref Connections);
                        owner._log($"connected to {owner._options.Url.GetLeftPart(UriPartial.Path)} (cursor {cursor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "live"})");
                        while (true)
                        {
                            var length = await ReceiveMessageAsync(socket, stop);
                            if (length < 0) break;
                            if (!TryTriage(_buffer.AsSpan(0, length), out var item)) continue;
                            received++;
                            failures = 0;
                            _lastTimeUs = item.TimeUs;
                            _chunk.Add(item);
                            if (_chunk.Count == ChunkSize) await HandOverAsync(stop);
                        }
                        await HandOverAsync(stop);
                        owner._log("connection closed by the server");
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (Exception e) when (e is WebSocketException or IOException or HttpRequestException or InvalidOperationException)
                    {
                        owner._log($"connection lost: {e.Message}");
                    }
                    try { await HandOverAsync(stop); }
                    catch (OperationCanceledException) { break; }
                    if (received == 0) failures++;
                    var delay = Backoff(failures);
                    owner._log($"reconnecting in {delay.TotalSeconds:0.###} s");
                    try { await Task.Delay(delay, owner._time, stop); }
                    catch (OperationCanceledException) { break; }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                // Stopped: what was received still goes to the committer if there is room, as a single frame would have.
                if (_chunk.Count > 0) writer.TryWrite(_chunk);
                writer.TryComplete();
            }
        }

        private async ValueTask HandOverAsync(CancellationToken stop)
        {
            if (_chunk.Count == 0) return;
            if (!writer.TryWrite(_chunk))
            {
                var blocked = System.Diagnostics.Stopwatch.GetTimestamp();
                await writer.WriteAsync(_chunk, stop);
                owner.Timeline.ReceiverWaited(blocked);
            }
            _chunk = new List<JetstreamEvent>(ChunkSize);
        }

        private TimeSpan Backoff(int failures)
        {
            var initial = owner._options.InitialBackoff;
            var factor = Math.Pow(2, Math.Max(0, Math.Min(failures - 1, 30)));
            var delay = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, owner._options.MaxBackoff.Ticks));
            return delay;
        }

        /// <summary>A frame that cannot matter passes on as its time alone; the rest are read (false: malformed, logged and counted).</summary>
        private bool TryTriage(ReadOnlySpan<byte> json, out JetstreamEvent item)
        {
            if (triage.TryRead(json, out item, out var error))
            {
                if (item.Frame is { } frame) JetstreamIngestor.ReadAhead(frame, _reader);
                return true;
            }
            if (error is not null) owner._log($"skipped a malformed frame after time_us {_lastTimeUs}: {error.Message}");
            Interlocked.Increment(ref Malformed);
            return false;
        }

        /// <summary>Reads one whole message into the (growing, pooled) buffer; its length, or -1 when the server closed.</summary>
        // Most messages are already buffered, so this completes synchronously: as a Task<int> it allocated a task per
        // frame (200,000 in the bench); a ValueTask carries the length, and a pooled box serves the calls that wait.
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<int> ReceiveMessageAsync(ClientWebSocket socket, CancellationToken stop)
        {
            var count = 0;
            while (true)
            {
                if (count == _buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                    _buffer.AsSpan(0, count).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = bigger;
                }
                var receiving = socket.ReceiveAsync(_buffer.AsMemory(count), stop);
                // Nothing more to read yet: hand over what was received before waiting for more.
                if (!receiving.IsCompleted) await HandOverAsync(stop);
                var result = await receiving;
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
                    catch (Exception e) when (e is WebSocketException or IOException) { }
                    return -1;
                }
                count += result.Count;
                if (result.EndOfMessage) return count;
            }
        }
    }
}
