using System.Net;
using HotPapers.Http;

namespace HotPapers.Arxiv;

/// <summary>A request to arXiv that failed for good: the message names the URL, the attempts and the last reason.</summary>
public sealed class ArxivHttpException(string message, bool isTransient, Exception? inner = null)
    : SourceException("arxiv", message, isTransient, inner);

/// <summary>
/// The one door to arXiv for every source (API, listings, RSS, OAI-PMH share arXiv's terms): the shared resilience
/// policy (<see cref="SourceHttpClient"/>: retries with back-off on 5xx, 429 with its <c>Retry-After</c>, time-outs,
/// dropped connections and unreadable, e.g. truncated, bodies) around a <see cref="QuietTimeGate"/> that every
/// attempt passes: one request at a time, a quiet <see cref="ArxivOptions.RequestSpacing"/> between the end of one
/// answer and the next request.
/// </summary>
public sealed class ArxivHttp
{
    private readonly HttpClient _client;
    private readonly ArxivOptions _options;
    private readonly QuietTimeGate _gate;

    /// <param name="inner">The network (or recordings); arXiv's policy and gate are put in front of it here.</param>
    public ArxivHttp(HttpMessageHandler inner, ArxivOptions options, TimeProvider time)
    {
        _options = options;
        _gate = new QuietTimeGate(options.RequestSpacing, time);
        _client = SourceHttpClient.Create(options.Http(time), inner, line => Log?.Invoke(line), _gate);
    }

    /// <summary>Progress and retry notes, one line each (no secrets pass through here: arXiv needs none).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Requests made so far, retries included.</summary>
    public int RequestCount => _gate.Requests;

    /// <summary>
    /// GETs <paramref name="url"/> and parses the body. <paramref name="bodyStatuses"/> lists non-2xx statuses whose
    /// body is still an answer (the API sends its error feed with 400).
    /// </summary>
    public async Task<T> GetAsync<T>(Uri url, Func<string, T> parse, CancellationToken cancellation, params HttpStatusCode[] bodyStatuses)
    {
        bool IsAnswer(HttpStatusCode status) => (int)status is >= 200 and <= 299 || bodyStatuses.Contains(status);
        T parsed = default!;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        // Parsed inside the policy: a body cut off in transit looks exactly like malformed XML, so it is asked again.
        request.Options.Set(SourceHttpClient.ResponseCheck, async (response, ct) =>
        {
            if (!IsAnswer(response.StatusCode)) return;
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            try
            {
                parsed = parse(body);
            }
            catch (ArxivFormatException e)
            {
                throw new UnreadableResponseException(e);
            }
        });

        HttpResponseMessage answer;
        try
        {
            answer = await _client.SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (ArxivFormatException e)
        {
            throw new ArxivHttpException($"GET {url} failed after {SourceHttpClient.Attempts(request)} attempt(s): {e.Message}", isTransient: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new ArxivHttpException($"GET {url} failed after {SourceHttpClient.Attempts(request)} attempt(s): connection failed: {e.Message}", isTransient: true, e);
        }
        catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new ArxivHttpException($"GET {url} failed: {e.Message}", isTransient: true, e);
        }

        using (answer)
        {
            var code = (int)answer.StatusCode;
            if (SourceException.IsTransientStatus(code))
            {
                var retryAfter = answer.Headers.RetryAfter?.Delta is { } ra ? $" (Retry-After {ra.TotalSeconds:0.###} s)" : "";
                throw new ArxivHttpException($"GET {url} failed after {SourceHttpClient.Attempts(request)} attempt(s): HTTP {code}{retryAfter}", isTransient: true);
            }
            if (!IsAnswer(answer.StatusCode))
            {
                var body = await answer.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
                throw new ArxivHttpException($"GET {url}: HTTP {code} {answer.StatusCode}: {Snippet(body)}", isTransient: false);
            }
            return parsed;
        }
    }

    private static string Snippet(string body)
    {
        var flat = ArxivText.Collapse(body);
        return flat.Length <= 200 ? flat : flat[..200] + "…";
    }
}
