using System.Net;
using System.Text;
using System.Text.Json;

namespace HotPapers.Pipeline.Replay;

/// <summary>
/// Serves recorded responses to the real HTTP clients (<c>--offline</c>): the clients build their requests as
/// usual and get back what the service answered when it was recorded. A request with no recording fails loudly
/// (HTTP 599 with the request in the body), so an offline run can never quietly reach the network.
/// When the same request was recorded several times, the recordings are served in order and the last repeats.
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    public const int NotRecordedStatus = 599;

    private readonly Dictionary<string, Queue<RecordedExchange>> _recordings = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ReplayHandler(IEnumerable<RecordedExchange> exchanges)
    {
        foreach (var exchange in exchanges)
        {
            if (!_recordings.TryGetValue(exchange.Key, out var queue)) _recordings[exchange.Key] = queue = new Queue<RecordedExchange>();
            queue.Enqueue(exchange);
        }
    }

    /// <summary>Requests served, and requests that had no recording, by request key.</summary>
    public List<string> Served { get; } = [];

    public List<string> Missing { get; } = [];

    /// <summary>
    /// How long each answer takes, as if it came over the network (<c>Daily:ReplayDelayMs</c>): rehearses a run's
    /// pace, and gives crash-recovery drills something to interrupt.
    /// </summary>
    public TimeSpan Latency { get; init; }

    public static ReplayHandler FromDirectory(string directory) => new(ReadDirectory(directory));

    /// <summary>Reads every <c>*.jsonl</c> recording in a folder; a bad line is reported with its file and line.</summary>
    public static List<RecordedExchange> ReadDirectory(string directory)
    {
        var exchanges = new List<RecordedExchange>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (line.Length == 0) continue;
                try
                {
                    exchanges.Add(JsonSerializer.Deserialize<RecordedExchange>(line, RecordedExchange.Json)
                        ?? throw new JsonException("null exchange"));
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{file}:{lineNumber}: not a recorded exchange: {e.Message}");
                }
            }
        }
        return exchanges;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, cancellationToken);
        var key = RecordedExchange.RequestKey(request.Method.Method, request.RequestUri!);
        RecordedExchange? exchange = null;
        lock (_gate)
        {
            if (_recordings.TryGetValue(key, out var queue))
                exchange = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            (exchange is null ? Missing : Served).Add(key);
        }
        if (exchange is null)
        {
            return new HttpResponseMessage((HttpStatusCode)NotRecordedStatus)
            {
                RequestMessage = request,
                Content = new StringContent($"offline: no recording for {key}"),
                ReasonPhrase = "Not recorded",
            };
        }
        var response = new HttpResponseMessage((HttpStatusCode)exchange.Status) { RequestMessage = request };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(exchange.Body));
        foreach (var (name, value) in exchange.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value)) content.Headers.TryAddWithoutValidation(name, value);
        }
        response.Content = content;
        return response;
    }
}
