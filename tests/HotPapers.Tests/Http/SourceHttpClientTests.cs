using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HotPapers.Http;
using HotPapers.Social.HackerNews;
using HotPapers.Testing;

namespace HotPapers.Tests.Http;

/// <summary>The one resilience policy, against a real local HTTP server: what is retried, how long it waits, what it says.</summary>
public sealed class SourceHttpClientTests
{
    /// <summary>Tiny waits so that tests do not sleep; the attempt time-out is generous unless a test is about it.</summary>
    public static SourceHttpOptions Fast(string source, int retries = 3) => new()
    {
        Source = source,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = retries,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Answers in order; the last answer repeats.</summary>
    public static Func<RecordedRequest, Reply> Sequence(params Reply[] replies)
    {
        var n = -1;
        return _ => replies[Math.Min(Interlocked.Increment(ref n), replies.Length - 1)];
    }

    [Fact]
    public async Task Two_503s_then_200_succeed_after_two_retries_and_each_wait_is_logged()
    {
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "busy"), new Reply(503, "busy"), new Reply(200, "fine")));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("test"), new SocketsHttpHandler(), log.Enqueue);
        var url = new Uri(server.BaseUrl, "things?id=1");

        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fine", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, server.Requests.Count);
        Assert.Collection(log,
            line => Assert.Matches($@"^test: HTTP 503 from GET {Regex.Escape(url.ToString())}, retry 1 of 3 in 0\.0\d* s$", line),
            line => Assert.Matches($@"^test: HTTP 503 from GET {Regex.Escape(url.ToString())}, retry 2 of 3 in 0\.0\d* s$", line));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_for_at_least_that_long()
    {
        await using var server = new LocalHttpServer(Sequence(
            new Reply(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" }), new Reply(200, "fine")));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("test"), new SocketsHttpHandler(), log.Enqueue);

        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(server.BaseUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"waited only {clock.Elapsed.TotalSeconds:0.###} s"); // the back-off alone is 10 ms
        var line = Assert.Single(log);
        Assert.Contains("HTTP 429 (Retry-After 1.0 s)", line);
        Assert.EndsWith("retry 1 of 3 in 1.0 s", line);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_cut_to_the_cap()
    {
        await using var server = new LocalHttpServer(Sequence(
            new Reply(503, "maintenance", new Dictionary<string, string> { ["Retry-After"] = "86400" }), new Reply(200, "fine")));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("test") with { MaxRetryAfter = TimeSpan.FromMilliseconds(200) }, new SocketsHttpHandler(), log.Enqueue);

        using var response = await http.GetAsync(server.BaseUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("retry 1 of 3 in 0.2 s", Assert.Single(log));
    }

    [Fact]
    public async Task A_hanging_server_times_out_each_attempt_is_retried_and_fails_with_a_transient_SourceException_naming_the_url()
    {
        await using var server = new LocalHttpServer(_ => new Reply(200, """{"hits":[]}""", Delay: TimeSpan.FromSeconds(20)));
        var log = new ConcurrentQueue<string>();
        var options = Fast("hn", retries: 2) with { AttemptTimeout = TimeSpan.FromMilliseconds(200) };
        using var http = SourceHttpClient.Create(options, new SocketsHttpHandler(), log.Enqueue);
        var client = new HackerNewsClient(http, new HackerNewsOptions { ApiBaseUrl = new Uri(server.BaseUrl, "api/v1") });

        SourceException error = await Assert.ThrowsAsync<HackerNewsApiException>(() => client.GetPageAsync(0, 100, 0, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("hn", error.SourceName);
        Assert.StartsWith($"GET {client.PageUri(0, 100, 0)}: ", error.Message);
        Assert.Contains("no answer within 0.2 s (3 attempt(s))", error.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, log.Count);
        Assert.All(log, line => Assert.StartsWith("hn: no answer within 0.2 s from GET ", line));
    }

    [Fact]
    public async Task A_404_is_not_retried_and_is_not_transient()
    {
        await using var server = new LocalHttpServer(_ => new Reply(404, "no such index"));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("hn"), new SocketsHttpHandler(), log.Enqueue);
        var client = new HackerNewsClient(http, new HackerNewsOptions { ApiBaseUrl = new Uri(server.BaseUrl, "api/v1") });

        var error = await Assert.ThrowsAsync<HackerNewsApiException>(() => client.GetPageAsync(0, 100, 0, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal($"GET {client.PageUri(0, 100, 0)}: HTTP 404", error.Message);
        Assert.Single(server.Requests);
        Assert.Empty(log);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_fails_transient()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("hn", retries: 2), new SocketsHttpHandler(), log.Enqueue);
        var client = new HackerNewsClient(http, new HackerNewsOptions { ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/api/v1") });

        var error = await Assert.ThrowsAsync<HackerNewsApiException>(() => client.GetPageAsync(0, 100, 0, CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.StartsWith($"GET http://127.0.0.1:{port}/api/v1/search_by_date?", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, log.Count);
        Assert.All(log, line => Assert.StartsWith("hn: connection failed (", line));
    }

    [Fact]
    public async Task Hacker_News_gets_the_policy_a_503_is_retried_and_a_429_waits_for_Retry_After()
    {
        const string page = """{"hits":[],"nbHits":0,"page":0,"nbPages":0}""";
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "down"),
            new Reply(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "0" }), new Reply(200, page)));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("hn"), new SocketsHttpHandler(), log.Enqueue);
        var client = new HackerNewsClient(http, new HackerNewsOptions { ApiBaseUrl = new Uri(server.BaseUrl, "api/v1") });

        var answer = await client.GetPageAsync(0, 100, 0, CancellationToken.None);

        Assert.Equal(0, answer.NbHits);
        Assert.Equal(3, server.Requests.Count);
        Assert.Collection(log,
            line => Assert.StartsWith($"hn: HTTP 503 from GET {client.PageUri(0, 100, 0)}, retry 1 of 3", line),
            line => Assert.StartsWith($"hn: HTTP 429 (Retry-After 0.0 s) from GET {client.PageUri(0, 100, 0)}, retry 2 of 3", line));
    }

    [Fact]
    public async Task With_no_retries_the_first_answer_is_final()
    {
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "busy"), new Reply(200, "fine")));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("test", retries: 0), new SocketsHttpHandler(), log.Enqueue);

        using var response = await http.GetAsync(server.BaseUrl);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Requests);
        Assert.Empty(log);
    }

    [Fact]
    public async Task The_total_time_out_bounds_the_whole_request_and_says_so()
    {
        await using var server = new LocalHttpServer(_ => new Reply(200, "late", Delay: TimeSpan.FromSeconds(20)));
        var options = Fast("test") with { AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromMilliseconds(300) };
        using var http = SourceHttpClient.Create(options, new SocketsHttpHandler(), _ => { });

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => http.GetAsync(server.BaseUrl));

        Assert.Equal("no complete answer within 0.3 s in all (1 attempt(s))", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(SourceException.IsTransportFailure(error, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_run_is_not_retried_nor_taken_for_a_time_out()
    {
        await using var server = new LocalHttpServer(_ => new Reply(200, "late", Delay: TimeSpan.FromSeconds(20)));
        var log = new ConcurrentQueue<string>();
        using var http = SourceHttpClient.Create(Fast("test"), new SocketsHttpHandler(), log.Enqueue);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync(server.BaseUrl, cancel.Token));

        Assert.False(SourceException.IsTransportFailure(error, cancel.Token));
        Assert.Single(server.Requests);
        Assert.Empty(log);
    }

    [Theory]
    [InlineData(0, 0.5, null, 1000)] // the first wait is the initial back-off
    [InlineData(2, 0.5, null, 4000)] // doubled twice
    [InlineData(2, 0.0, null, 3200)] // jitter: 20 % shorter at the bottom of the band
    [InlineData(2, 0.999999, null, 4800)] // and up to 20 % longer at the top
    [InlineData(5, 0.5, null, 10000)] // capped at MaxBackoff
    [InlineData(5, 0.999999, null, 10000)] // jitter never stretches past the cap
    [InlineData(0, 0.5, 3000, 3000)] // Retry-After lengthens the wait
    [InlineData(2, 0.5, 100, 4000)] // but never shortens it
    public void The_wait_doubles_with_jitter_up_to_the_cap_and_Retry_After_only_lengthens_it(int retry, double random, int? retryAfterMs, int expectedMs)
    {
        var options = new SourceHttpOptions { Source = "test", InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) };
        var wait = Backoff.Wait(options, retry, retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, random);
        Assert.Equal(expectedMs, wait.TotalMilliseconds, precision: 0);
    }

    [Theory]
    [InlineData(404, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public void Transient_statuses_are_408_429_and_5xx(int status, bool transient) =>
        Assert.Equal(transient, SourceException.IsTransientStatus(status));
}
