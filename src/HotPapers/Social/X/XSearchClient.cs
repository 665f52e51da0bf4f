using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HotPapers.Social.X;

/// <summary>What the <c>x-rate-limit-*</c> headers said about the window.</summary>
public sealed record XRateLimit(int? Limit, int? Remaining, DateTimeOffset? Reset)
{
    public static XRateLimit From(HttpResponseMessage response) => new(
        Header(response, "x-rate-limit-limit"), Header(response, "x-rate-limit-remaining"),
        Header(response, "x-rate-limit-reset") is { } epoch ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null);

    private static int? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>One page of a search, with the rate-limit state that came with it.</summary>
public sealed record XSearchPage(XResponse Response, XRateLimit RateLimit);

/// <summary>
/// <c>GET /2/tweets/search/recent</c> with an app-only bearer token. A 429 waits until <c>x-rate-limit-reset</c> and
/// tries again; a window reported empty (<c>remaining: 0</c>) is waited out before the next request, not after a 429.
/// A wait longer than <see cref="XOptions.MaxRateLimitWait"/> fails the request with one line naming the URL.
/// Resets are real epoch seconds, so the clock given here must be real time (never one pinned with <c>--now</c>);
/// waiting goes through it and the injected delay, so tests do not sleep. No message ever holds the token, even when
/// the server echoes it back.
/// </summary>
public sealed class XSearchClient
{
    private const string Fields = "tweet.fields=created_at,lang,author_id,public_metrics,entities,referenced_tweets,conversation_id,note_tweet"
        + "&expansions=author_id&user.fields=name,username";

    private readonly HttpClient _http;
    private readonly XOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private DateTimeOffset? _windowResetsAt;

    public XSearchClient(HttpClient http, XOptions options, TimeProvider clock, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        if (string.IsNullOrEmpty(options.BearerToken)) throw new ArgumentException("X:BearerToken is not set (HOTPAPERS_X__BearerToken)", nameof(options));
        _http = http;
        _options = options;
        _clock = clock;
        _delay = delay ?? ((span, ct) => Task.Delay(span, clock, ct));
    }

    /// <summary>Requests sent so far, retries after 429 included.</summary>
    public int Requests { get; private set; }

    /// <summary>Total time spent waiting for rate-limit windows.</summary>
    public TimeSpan Waited { get; private set; }

    public async Task<XSearchPage> SearchAsync(string query, int maxResults, string? nextToken, CancellationToken ct = default)
    {
        var url = $"{_options.ApiBaseUrl.TrimEnd('/')}/2/tweets/search/recent?query={Uri.EscapeDataString(query)}"
            + $"&max_results={maxResults.ToString(CultureInfo.InvariantCulture)}&{Fields}"
            + (nextToken is null ? "" : "&next_token=" + Uri.EscapeDataString(nextToken));
        for (var attempt = 0; ; attempt++)
        {
            if (_windowResetsAt is { } resetsAt) await WaitUntil(resetsAt, url, ct);
            _windowResetsAt = null;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BearerToken);
            Requests++;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage? sent = null;
            string body;
            try
            {
                sent = await _http.SendAsync(request, timeout.Token);
                body = await sent.Content.ReadAsStringAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                sent?.Dispose();
                throw new XApiException(string.Create(CultureInfo.InvariantCulture,
                    $"GET {url}: no answer within {_options.RequestTimeout.TotalSeconds:0.###} s (X:RequestTimeoutSeconds)"));
            }
            using var response = sent;
            var limit = XRateLimit.From(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (attempt >= _options.MaxRateLimitWaits)
                    throw new XApiException($"GET {url}: still rate limited (429) after {attempt} waits");
                _windowResetsAt = limit.Reset ?? _clock.GetUtcNow().AddSeconds(60);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new XApiException($"GET {url}: HTTP {(int)response.StatusCode} {Shorten(OneLine(SecretRedaction.Redact(body, _options.BearerToken)))}");
            if (limit is { Remaining: 0, Reset: { } reset }) _windowResetsAt = reset;
            try
            {
                return new XSearchPage(XJson.Deserialize<XResponse>(body), limit);
            }
            catch (JsonException e)
            {
                throw new XApiException($"GET {url}: the response is not X API v2 JSON: {OneLine(e.Message)}");
            }
        }
    }

    private async Task WaitUntil(DateTimeOffset resetsAt, string url, CancellationToken ct)
    {
        // One second past the reset: the window is reset at that second, not before it.
        var wait = resetsAt - _clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        if (wait <= TimeSpan.Zero) return;
        if (wait > _options.MaxRateLimitWait)
            throw new XApiException(string.Create(CultureInfo.InvariantCulture,
                $"GET {url}: rate limited until {resetsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, {Math.Ceiling(wait.TotalSeconds)} s away, longer than X:MaxRateLimitWaitSeconds ({_options.MaxRateLimitWait.TotalSeconds} s)"));
        Waited += wait;
        await _delay(wait, ct);
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";

    /// <summary>Errors are one line on stderr: a body's own line breaks are folded into spaces.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
