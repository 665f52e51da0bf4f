using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HotPapers.Testing;

/// <summary>A recorded request: method, path and query, headers of interest and body.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string Body);

/// <summary>An answer to send back; with a <paramref name="Delay"/> it is sent that much later (a slow or hanging server) while other requests are served.</summary>
public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json", TimeSpan Delay = default);

/// <summary>A real HTTP server on 127.0.0.1 answering from a handler, recording every request.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, Reply> _handler;
    private readonly Task _serving;

    public LocalHttpServer(Func<RecordedRequest, Reply> handler)
    {
        _handler = handler;
        (_listener, Port) = LoopbackListener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery,
                context.Request.Headers["Authorization"], await reader.ReadToEndAsync());
            Requests.Enqueue(recorded);
            Reply reply;
            try { reply = _handler(recorded); }
            catch (Exception e) { reply = new Reply(500, e.Message, ContentType: "text/plain"); }
            if (reply.Delay > TimeSpan.Zero) _ = AnswerLaterAsync(context, reply);
            else await AnswerAsync(context, reply);
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, Reply reply)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static async Task AnswerLaterAsync(HttpListenerContext context, Reply reply)
    {
        try
        {
            await Task.Delay(reply.Delay);
            await AnswerAsync(context, reply);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client gave up waiting (its time-out) or the server stopped: nobody is listening for this answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: Stop then Close makes the managed listener bind the port again just to release it, which fails
        // ("Address already in use") when another socket has taken the port in between.
        _listener.Close();
        try { await _serving; }
        catch (Exception) { /* stopping */ }
    }
}
