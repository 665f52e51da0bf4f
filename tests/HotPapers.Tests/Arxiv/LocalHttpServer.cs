using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HotPapers.Testing;

namespace HotPapers.Tests.Arxiv;

/// <summary>A canned answer: status, body, headers, and an optional delay before answering.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeResponse Ok(string body) => new(200, body);
}

/// <summary>One request as the server saw it: when it arrived and when its answer was finished.</summary>
public sealed record SeenRequest(string PathAndQuery, TimeSpan Arrived, TimeSpan Answered);

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that answers from a routing function and measures what the client
/// did: request times, and the most requests it ever had in flight at once.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerRequest, FakeResponse> _route;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private int _inFlight;
    private int _maxInFlight;

    public LocalHttpServer(Func<HttpListenerRequest, FakeResponse> route)
    {
        _route = route;
        (_listener, var port) = LoopbackListener.Start();
        BaseUrl = $"http://127.0.0.1:{port}";
        _ = Task.Run(AcceptLoop);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<SeenRequest> Requests => _seen.OrderBy(r => r.Arrived).ToList();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            // Each request on its own task, so two overlapping client requests would really overlap here.
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        var arrived = _clock.Elapsed;
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
        var released = false;
        try
        {
            FakeResponse response;
            try
            {
                response = _route(context.Request);
            }
            catch (Exception e)
            {
                response = new FakeResponse(500, "test route failed: " + e.Message);
            }
            if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay);
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentType = "application/xml; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            // The request counts as finished once the answer starts going out: the client cannot send its next one
            // before it has read this one, so anything overlapping after this point would be a real overlap anyway.
            Finish();
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The client gave up (a time-out test); nothing to answer.
        }
        finally
        {
            Finish();
        }

        void Finish()
        {
            if (released) return;
            released = true;
            Interlocked.Decrement(ref _inFlight);
            _seen.Enqueue(new SeenRequest(context.Request.Url!.PathAndQuery, arrived, _clock.Elapsed));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Close alone: Stop then Close makes the managed listener bind the port again just to release it, which fails
        // ("Address already in use") when another socket has taken the port in between.
        _listener.Close();
    }
}
