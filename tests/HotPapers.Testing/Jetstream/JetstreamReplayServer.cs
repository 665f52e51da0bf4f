using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace HotPapers.Testing.Jetstream;

/// <summary>
/// A Jetstream stand-in on 127.0.0.1: replays recorded JSON events over a websocket, honouring <c>cursor</c>
/// (events at or after it) and <c>wantedCollections</c> (identity and account events always pass, as on the real
/// service). After the last event it keeps the connection open like a live tail. It can drop a connection after a
/// given number of messages to exercise reconnects.
/// </summary>
public sealed class JetstreamReplayServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly (long TimeUs, string? Collection, byte[] Utf8)[] _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<int> _dropAfter;

    public JetstreamReplayServer(IEnumerable<string> jsonLines, IEnumerable<int>? dropAfter = null)
        : this(jsonLines.Select(Encoding.UTF8.GetBytes), dropAfter)
    {
    }

    public JetstreamReplayServer(IEnumerable<byte[]> utf8Lines, IEnumerable<int>? dropAfter = null)
    {
        var previous = 0L;
        _events = utf8Lines.Select(line => Index(line, ref previous)).OrderBy(e => e.TimeUs).ToArray();
        _dropAfter = new ConcurrentQueue<int>(dropAfter ?? []);
        (_listener, Port) = LoopbackListener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public Uri Url => new($"ws://127.0.0.1:{Port}/subscribe");

    /// <summary>The query string of every connection, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public long MessagesSent => Interlocked.Read(ref _sent);
    private long _sent;

    /// <summary>Reads what the server filters on; a broken line is replayed as it is, where it stood.</summary>
    private static (long TimeUs, string? Collection, byte[] Utf8) Index(byte[] line, ref long previous)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var collection = root.TryGetProperty("commit", out var commit) && commit.TryGetProperty("collection", out var c) ? c.GetString() : null;
            previous = root.GetProperty("time_us").GetInt64();
            return (previous, collection, line);
        }
        catch (JsonException)
        {
            return (previous, null, line);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var query = context.Request.Url?.Query ?? "";
        Requests.Enqueue(query);
        if (!context.Request.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            context.Response.Close();
            return;
        }
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        long? cursor = null;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            if (kv[0] == "wantedCollections") wanted.Add(value);
            if (kv[0] == "cursor") cursor = long.Parse(value, CultureInfo.InvariantCulture);
        }
        var dropAfter = _dropAfter.TryDequeue(out var n) ? n : int.MaxValue;
        WebSocket socket;
        try { socket = (await context.AcceptWebSocketAsync(null)).WebSocket; }
        catch (Exception) { return; }
        using (socket)
        {
            var start = cursor is { } c ? LowerBound(c) : 0;
            var sent = 0;
            try
            {
                for (var i = start; i < _events.Length; i++)
                {
                    var e = _events[i];
                    if (e.Collection is not null && wanted.Count > 0 && !wanted.Contains(e.Collection)) continue;
                    if (sent == dropAfter)
                    {
                        socket.Abort(); // a dropped connection, not a clean close
                        return;
                    }
                    await socket.SendAsync(e.Utf8, WebSocketMessageType.Text, true, _stop.Token);
                    sent++;
                    Interlocked.Increment(ref _sent);
                }
                // Live tail: nothing more to say; wait for the client to go away.
                var sink = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(sink, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        break;
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away (or the server is stopping): nothing to clean up beyond the socket.
            }
        }
    }

    private int LowerBound(long timeUs)
    {
        int lo = 0, hi = _events.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_events[mid].TimeUs < timeUs) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Close alone: Stop then Close makes the managed listener bind the port again just to release it, which fails
        // ("Address already in use") when another socket has taken the port in between.
        _listener.Close();
        try { await _accepting; }
        catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
