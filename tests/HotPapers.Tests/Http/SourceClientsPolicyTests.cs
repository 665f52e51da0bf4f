using System.Collections.Concurrent;
using System.Globalization;
using HotPapers.Http;
using HotPapers.Social.Bluesky;
using HotPapers.Social.X;
using HotPapers.Testing;
using static HotPapers.Tests.Http.SourceHttpClientTests;

namespace HotPapers.Tests.Http;

/// <summary>
/// Each source client behind its policy, as the composition root builds them: X search leaves 429 to its own
/// rate-limit wait and has 5xx retried; X oEmbed still falls back; Bluesky is retried; secrets never reach the log.
/// </summary>
public sealed class SourceClientsPolicyTests
{
    private const string Token = "sekrit-bearer-token-123";
    private const string Password = "very-secret-app-password";
    private const string EmptySearch = """{"meta":{"result_count":0}}""";

    /// <summary>X's policy as <c>Settings.XHttp()</c> makes it: 429 is the search client's.</summary>
    private static SourceHttpOptions XPolicy(int retries = 3) => Fast("x", retries) with { RetryRateLimited = false };

    private static XOptions X(LocalHttpServer server, int maxRateLimitWaits = 5) => new()
    {
        ApiBaseUrl = server.BaseUrl.ToString().TrimEnd('/'),
        OEmbedUrl = new Uri(server.BaseUrl, "oembed").ToString(),
        BearerToken = Token,
        MaxRateLimitWaits = maxRateLimitWaits,
    };

    [Fact]
    public async Task X_search_has_a_503_retried_by_the_policy_and_the_token_never_reaches_the_log()
    {
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "over capacity"), new Reply(200, EmptySearch)));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(XPolicy(), new SocketsHttpHandler(), log.Enqueue);
        var client = new XSearchClient(http, X(server), TimeProvider.System);

        var page = await client.SearchAsync("url:\"2106.00001\"", 10, null);

        Assert.Equal(0, page.Response.Meta!.ResultCount);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        var line = Assert.Single(log);
        Assert.StartsWith($"x: HTTP 503 from GET {server.BaseUrl}2/tweets/search/recent?query=", line);
        Assert.DoesNotContain(Token, line);
    }

    [Fact]
    public async Task X_search_429_is_not_retried_by_the_policy_but_waited_out_by_the_client_counting_each_request()
    {
        // The window reset is already past: the client's own wait is zero, so the test does not sleep.
        var reset = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await using var server = new LocalHttpServer(_ => new Reply(429, """{"title":"Too Many Requests"}""",
            new Dictionary<string, string> { ["x-rate-limit-reset"] = reset, ["x-rate-limit-remaining"] = "0" }));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(XPolicy(), new SocketsHttpHandler(), log.Enqueue);
        var client = new XSearchClient(http, X(server, maxRateLimitWaits: 1), TimeProvider.System);

        SourceException error = await Assert.ThrowsAsync<XApiException>(() => client.SearchAsync("url:\"2106.00001\"", 10, null));

        Assert.Contains("still rate limited (429) after 1 waits", error.Message);
        Assert.True(error.IsTransient);
        Assert.Equal(2, server.Requests.Count); // the first try and the client's one wait; the policy added none
        Assert.Equal(2, client.Requests);
        Assert.Empty(log);
    }

    [Fact]
    public async Task X_search_that_keeps_failing_with_5xx_is_a_transient_XApiException()
    {
        await using var server = new LocalHttpServer(_ => new Reply(500, "internal error"));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(XPolicy(retries: 2), new SocketsHttpHandler(), log.Enqueue);
        var client = new XSearchClient(http, X(server), TimeProvider.System);

        var error = await Assert.ThrowsAsync<XApiException>(() => client.SearchAsync("url:\"2106.00001\"", 10, null));

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public async Task X_oEmbed_is_retried_and_when_it_still_fails_it_falls_back_instead_of_failing_the_run()
    {
        await using var server = new LocalHttpServer(_ => new Reply(503, "busy"));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(XPolicy(retries: 2), new SocketsHttpHandler(), log.Enqueue);

        var result = await new XOEmbedClient(http, X(server)).FetchAsync("someone", "1402000000000000000");

        Assert.Equal(OEmbedStatus.Failed, result.Status);
        Assert.Contains("HTTP 503", result.Detail);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public async Task X_oEmbed_that_hangs_falls_back_after_its_time_outs()
    {
        await using var server = new LocalHttpServer(_ => new Reply(200, "{}", Delay: TimeSpan.FromSeconds(20)));
        using var http = SourceHttpClient.Create(XPolicy(retries: 1) with { AttemptTimeout = TimeSpan.FromMilliseconds(200) }, new SocketsHttpHandler(), _ => { });

        var result = await new XOEmbedClient(http, X(server)).FetchAsync("someone", "1402000000000000000");

        Assert.Equal(OEmbedStatus.Failed, result.Status);
        Assert.Contains("timed out", result.Detail);
        Assert.Equal(2, server.Requests.Count);
    }

    private static BlueskyOptions Bluesky(LocalHttpServer server) => new()
    {
        ApiBaseUrl = server.BaseUrl,
        Handle = "hotpapers.bsky.social",
        AppPassword = Password,
    };

    [Fact]
    public async Task Bluesky_gets_the_policy_a_503_from_login_or_search_is_retried_without_the_password_in_the_log()
    {
        var sessions = 0;
        var searches = 0;
        await using var server = new LocalHttpServer(request => request.PathAndQuery.Contains("createSession", StringComparison.Ordinal)
            ? Interlocked.Increment(ref sessions) == 1 ? new Reply(503, "busy") : new Reply(200, """{"accessJwt":"jwt-123","did":"did:plc:x"}""")
            : Interlocked.Increment(ref searches) == 1 ? new Reply(502, "bad gateway") : new Reply(200, """{"posts":[]}"""));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("bluesky") with { RetryRateLimited = false }, new SocketsHttpHandler(), log.Enqueue);
        var client = new BlueskySearchClient(http, Bluesky(server), TimeProvider.System);

        var pages = new List<SearchPage>();
        await foreach (var page in client.SearchAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), CancellationToken.None)) pages.Add(page);

        Assert.Empty(Assert.Single(pages).Posts);
        Assert.Equal(2, sessions);
        Assert.Equal(2, searches);
        Assert.Collection(log,
            line => Assert.StartsWith($"bluesky: HTTP 503 from POST {server.BaseUrl}xrpc/com.atproto.server.createSession, retry 1 of 3", line),
            line => Assert.StartsWith($"bluesky: HTTP 502 from GET {server.BaseUrl}xrpc/app.bsky.feed.searchPosts?", line));
        Assert.All(log, line => Assert.DoesNotContain(Password, line));
        Assert.All(log, line => Assert.DoesNotContain("jwt-123", line));
    }

    [Fact]
    public async Task Bluesky_refused_credentials_are_not_retried_and_not_transient()
    {
        await using var server = new LocalHttpServer(_ => new Reply(401, """{"error":"AuthenticationRequired"}"""));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("bluesky"), new SocketsHttpHandler(), log.Enqueue);
        var client = new BlueskySearchClient(http, Bluesky(server), TimeProvider.System);

        SourceException error = await Assert.ThrowsAsync<BlueskyApiException>(() => client.LoginAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("bluesky", error.SourceName);
        Assert.DoesNotContain(Password, error.Message);
        Assert.Single(server.Requests);
        Assert.Empty(log);
    }
}
