namespace HotPapers.Http;

/// <summary>
/// Makes a source's <see cref="HttpClient"/> with its resilience policy:
/// <c>HttpClient → policy (total time-out, retries) → [per-attempt handler, e.g. arXiv's quiet-time gate] →
/// attempt time-out → inner</c>. The inner handler is the network, or recordings offline; the client owns it.
/// </summary>
public static class SourceHttpClient
{
    /// <summary>
    /// An optional check of a final answer (any status the policy does not retry), run inside the policy: throwing
    /// <see cref="UnreadableResponseException"/> makes it one more failed attempt. The body is already in memory.
    /// </summary>
    public static readonly HttpRequestOptionsKey<Func<HttpResponseMessage, CancellationToken, Task>> ResponseCheck = new("HotPapers.ResponseCheck");

    private static readonly HttpRequestOptionsKey<int> AttemptsKey = new("HotPapers.Attempts");

    /// <param name="options">Validated by the caller (settings name the key that is wrong).</param>
    /// <param name="log">Receives one line per wait before a retry.</param>
    /// <param name="perAttempt">A handler every attempt passes, retries included, before its time-out starts (arXiv's <see cref="QuietTimeGate"/>).</param>
    public static HttpClient Create(SourceHttpOptions options, HttpMessageHandler inner, Action<string> log, DelegatingHandler? perAttempt = null)
    {
        HttpMessageHandler attempt = new AttemptTimeoutHandler(options.AttemptTimeout, options.Time, inner);
        if (perAttempt is not null)
        {
            perAttempt.InnerHandler = attempt;
            attempt = perAttempt;
        }
        // The policy has the time-outs; HttpClient's own 100 s would cut retries short.
        var client = new HttpClient(new SourceRetryHandler(options, log, attempt)) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return client;
    }

    /// <summary>How many attempts the policy made for <paramref name="request"/> (1 when it was not retried).</summary>
    public static int Attempts(HttpRequestMessage request) => request.Options.TryGetValue(AttemptsKey, out var n) ? n : 1;

    internal static void SetAttempts(HttpRequestMessage request, int attempts) => request.Options.Set(AttemptsKey, attempts);
}
