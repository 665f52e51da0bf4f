using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HotPapers.Social.Bluesky;

/// <summary>One page of <c>app.bsky.feed.searchPosts</c>.</summary>
internal sealed record SearchPage(IReadOnlyList<PostView> Posts, string? Cursor, long? HitsTotal);

/// <summary>
/// Authenticated <c>app.bsky.feed.searchPosts</c> (spec §5.1): a session from <c>createSession</c> with the app
/// password, created once and again only when the token expires; cursor paging; 429 honoured through
/// <c>RateLimit-Reset</c>. Errors name the request URL, never the password or token.
/// </summary>
internal sealed class BlueskySearchClient(HttpClient http, BlueskyOptions options, TimeProvider time)
{
    private string? _accessJwt;

    private Uri Xrpc(string method, string query = "") =>
        new(options.ApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/xrpc/" + method + query);

    public async Task LoginAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Handle) || string.IsNullOrEmpty(options.AppPassword))
            throw new BlueskyApiException("searchPosts needs an account: set Bluesky:Handle and Bluesky:AppPassword (HOTPAPERS_Bluesky__Handle, HOTPAPERS_Bluesky__AppPassword)");
        var uri = Xrpc("com.atproto.server.createSession");
        var body = JsonContent.Create(new CreateSessionRequest { Identifier = options.Handle, Password = options.AppPassword }, BlueskyJsonContext.Default.CreateSessionRequest);
        using var response = await Send(() => http.PostAsync(uri, body, ct), "POST", uri, ct);
        if (!response.IsSuccessStatusCode)
            throw new BlueskyApiException($"POST {uri}: HTTP {(int)response.StatusCode}{await ErrorName(response, ct)} (check Bluesky:Handle and Bluesky:AppPassword)", (int)response.StatusCode);
        var session = await ReadJson(response, BlueskyJsonContext.Default.CreateSessionResponse, uri, ct);
        _accessJwt = session.AccessJwt is { Length: > 0 } jwt ? jwt : throw new BlueskyApiException($"POST {uri}: no accessJwt in the answer");
    }

    /// <summary>Pages of posts for the query between two instants (since inclusive, until exclusive).</summary>
    public async IAsyncEnumerable<SearchPage> SearchAsync(DateTimeOffset since, DateTimeOffset until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        for (var page = 0; page < options.MaxPages; page++)
        {
            var query = $"?q={Uri.EscapeDataString(options.Query)}&domain=arxiv.org&sort=latest" +
                        $"&since={Uri.EscapeDataString(Iso(since))}&until={Uri.EscapeDataString(Iso(until))}" +
                        $"&limit={options.PageSize.ToString(CultureInfo.InvariantCulture)}" +
                        (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var result = await GetPageAsync(Xrpc("app.bsky.feed.searchPosts", query), ct);
            yield return result;
            if (result.Cursor is null || result.Posts.Count == 0 || result.Cursor == cursor) yield break;
            cursor = result.Cursor;
        }
    }

    private async Task<SearchPage> GetPageAsync(Uri uri, CancellationToken ct)
    {
        if (_accessJwt is null) await LoginAsync(ct);
        var relogged = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessJwt);
            using var response = await Send(() => http.SendAsync(request, ct), "GET", uri, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 3)
            {
                await Task.Delay(RateLimitWait(response), time, ct);
                continue;
            }
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest && !relogged
                && await ErrorName(response, ct) is " ExpiredToken" or " InvalidToken" or " AuthMissing")
            {
                relogged = true;
                await LoginAsync(ct);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new BlueskyApiException($"GET {uri}: HTTP {(int)response.StatusCode}{await ErrorName(response, ct)}", (int)response.StatusCode);
            var body = await ReadJson(response, BlueskyJsonContext.Default.SearchPostsResponse, uri, ct);
            return new SearchPage(body.Posts ?? [], body.Cursor, body.HitsTotal ?? body.HitsTotalOld);
        }
    }

    /// <summary>A request that got no answer (the policy gave up on the connection or the time-out) becomes a transient <see cref="BlueskyApiException"/>.</summary>
    private static async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> send, string method, Uri uri, CancellationToken ct)
    {
        try
        {
            return await send();
        }
        catch (Exception e) when (HotPapers.Http.SourceException.IsTransportFailure(e, ct))
        {
            throw new BlueskyApiException($"{method} {uri}: {e.Message}", transportFailure: e);
        }
    }

    private TimeSpan RateLimitWait(HttpResponseMessage response)
    {
        var wait = TimeSpan.FromSeconds(1);
        if (response.Headers.TryGetValues("RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
            wait = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
        else if (response.Headers.RetryAfter?.Delta is { } delta)
            wait = delta;
        if (wait > options.MaxRateLimitWait)
            throw new BlueskyApiException($"rate limited until {wait.TotalSeconds:0} s from now, longer than Bluesky:MaxRateLimitWait", 429);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The XRPC error name (<c>ExpiredToken</c>…) with a leading space, or empty; the 403 proxy page is not JSON.</summary>
    private static async Task<string> ErrorName(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var error = JsonSerializer.Deserialize(text, BlueskyJsonContext.Default.XrpcError);
            return error?.Error is { Length: > 0 } name ? " " + name : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static async Task<T> ReadJson<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Uri uri, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync(stream, type, ct) ?? throw new BlueskyApiException($"{uri}: empty answer");
        }
        catch (JsonException e)
        {
            throw new BlueskyApiException($"{uri}: the answer is not the expected JSON ({e.Message})");
        }
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
