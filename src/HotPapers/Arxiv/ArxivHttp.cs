using System.Net;

namespace HotPapers.Arxiv;

/// <summary>A request to arXiv that failed for good: the message names the URL, the attempts and the last reason.</summary>
public sealed class ArxivHttpException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one door to arXiv for every source (API, listings, RSS, OAI-PMH share arXiv's terms): one request at a time,
/// a quiet <see cref="ArxivOptions.RequestSpacing"/> between the end of one response and the next request, and
/// retries with exponential back-off on 5xx, 429 (a <c>Retry-After</c> is honoured), time-outs, dropped connections
/// and unreadable (e.g. truncated) bodies.
/// </summary>
public sealed class ArxivHttp
{
    private readonly HttpClient _client;
    private readonly ArxivOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private long? _lastEnded;

    public ArxivHttp(HttpClient client, ArxivOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _time = time;
    }

    /// <summary>Progress and retry notes, one line each (no secrets pass through here: arXiv needs none).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Requests made so far, retries included.</summary>
    public int RequestCount { get; private set; }

    /// <summary>
    /// GETs <paramref name="url"/> and parses the body. <paramref name="bodyStatuses"/> lists non-2xx statuses whose
    /// body is still an answer (the API sends its error feed with 400).
    /// </summary>
    public async Task<T> GetAsync<T>(Uri url, Func<string, T> parse, CancellationToken cancellation, params HttpStatusCode[] bodyStatuses)
    {
        await _oneAtATime.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            string? lastProblem = null;
            Exception? lastError = null;
            for (var attempt = 0; ; attempt++)
            {
                await KeepSpacingAsync(cancellation).ConfigureAwait(false);
                TimeSpan? retryAfter = null;
                try
                {
                    RequestCount++;
                    using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                    string body;
                    HttpStatusCode status;
                    try
                    {
                        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                        status = response.StatusCode;
                        retryAfter = RetryAfter(response);
                        body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _lastEnded = _time.GetTimestamp();
                    }
                    var code = (int)status;
                    if (code == 429 || code >= 500)
                    {
                        lastProblem = $"HTTP {code}{(retryAfter is { } ra ? $" (Retry-After {ra.TotalSeconds:0.###} s)" : "")}";
                    }
                    else if (code is < 200 or > 299 && !bodyStatuses.Contains(status))
                    {
                        throw new ArxivHttpException($"GET {url}: HTTP {code} {status}: {Snippet(body)}");
                    }
                    else
                    {
                        try
                        {
                            return parse(body);
                        }
                        catch (ArxivFormatException e)
                        {
                            // A body cut off in transit looks exactly like this; ask again before giving up.
                            lastProblem = e.Message;
                            lastError = e;
                        }
                    }
                }
                catch (HttpRequestException e)
                {
                    lastProblem = $"connection failed: {e.Message}";
                    lastError = e;
                }
                catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
                {
                    lastProblem = $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s";
                    lastError = e;
                }

                if (attempt >= _options.MaxRetries)
                    throw new ArxivHttpException($"GET {url} failed after {attempt + 1} attempt(s): {lastProblem}", lastError);
                var backoff = Backoff(attempt);
                if (retryAfter is { } wait && wait > backoff) backoff = wait;
                Log?.Invoke($"arxiv: {lastProblem} for {url}; retry {attempt + 1} of {_options.MaxRetries} in {backoff.TotalSeconds:0.###} s");
                await WaitAtLeastAsync(backoff, cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task KeepSpacingAsync(CancellationToken cancellation)
    {
        if (_lastEnded is not { } ended || _options.RequestSpacing <= TimeSpan.Zero) return;
        var remaining = _options.RequestSpacing - _time.GetElapsedTime(ended);
        if (remaining > TimeSpan.Zero) await WaitAtLeastAsync(remaining, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Task.Delay counts whole milliseconds of a coarser clock and may wake a fraction of a millisecond early;
    /// a promise to arXiv ("never closer than 3 s") is kept by checking the precise clock and topping up.
    /// </summary>
    private async Task WaitAtLeastAsync(TimeSpan wait, CancellationToken cancellation)
    {
        var started = _time.GetTimestamp();
        for (var remaining = wait; remaining > TimeSpan.Zero; remaining = wait - _time.GetElapsedTime(started))
        {
            var rounded = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds) + 1);
            await Task.Delay(rounded, _time, cancellation).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = _options.InitialBackoff.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        return ticks >= _options.MaxBackoff.Ticks ? _options.MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Retry-After as seconds or as an HTTP date; capped so a broken header cannot park the run for hours.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - _time.GetUtcNow() : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        var cap = TimeSpan.FromMinutes(10);
        return wait > cap ? cap : wait;
    }

    private static string Snippet(string body)
    {
        var flat = ArxivText.Collapse(body);
        return flat.Length <= 200 ? flat : flat[..200] + "…";
    }
}
