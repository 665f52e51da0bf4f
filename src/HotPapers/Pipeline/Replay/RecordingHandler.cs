using System.Text;
using System.Text.Json;
using HotPapers.Social;

namespace HotPapers.Pipeline.Replay;

/// <summary>
/// Passes requests through and appends each exchange to a recording (<c>--record DIR</c>), so that a live run
/// can be replayed offline later. Request headers are not kept: they carry the secrets. Session tokens a response
/// hands out (Bluesky's <c>createSession</c> answers with <c>accessJwt</c> and <c>refreshJwt</c>) are secrets too:
/// they are redacted in the recording (a replay never checks them), while the caller gets the real response; so is
/// the request's own credential wherever a response echoes it (<see cref="SecretRedaction"/>).
/// </summary>
public sealed class RecordingHandler(string file, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string Redacted = SecretRedaction.Redacted;

    private static readonly string[] KeptHeaders = ["Content-Type", "Date", "Retry-After", "x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"];
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        // A server may echo what it was sent (an error body quoting the Authorization header): the request's own
        // credential is taken out of everything recorded, and so is anything shaped like a secret.
        var credential = request.Headers.Authorization?.Parameter;
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in KeptHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                headers[name] = SecretRedaction.Redact(string.Join(", ", values), credential);
        }
        var exchange = new RecordedExchange(request.Method.Method, SecretRedaction.Redact(request.RequestUri!.ToString(), credential),
            (int)response.StatusCode, headers, SecretRedaction.Redact(body, credential));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.AppendAllTextAsync(file, JsonSerializer.Serialize(exchange, RecordedExchange.Json) + "\n", new UTF8Encoding(false), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        // The body was read to record it; hand the caller a fresh copy with the same headers.
        var replayed = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        foreach (var header in response.Content.Headers) replayed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = replayed;
        return response;
    }
}
