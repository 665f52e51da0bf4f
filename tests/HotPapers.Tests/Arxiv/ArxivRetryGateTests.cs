using System.Collections.Concurrent;
using System.Net;
using HotPapers.Arxiv;
using HotPapers.Http;

namespace HotPapers.Tests.Arxiv;

/// <summary>
/// arXiv on the shared resilience policy: the quiet-time gate sits inside the retries, so a retry keeps the spacing
/// too, and every wait is a visible line; what escapes is an <see cref="ArxivHttpException"/>, a <see cref="SourceException"/>.
/// </summary>
public sealed class ArxivRetryGateTests
{
    private static Func<HttpListenerRequest, FakeResponse> Sequence(params Func<HttpListenerRequest, FakeResponse>[] answers)
    {
        var n = -1;
        return request => answers[Math.Min(Interlocked.Increment(ref n), answers.Length - 1)](request);
    }

    private static FakeResponse Good(HttpListenerRequest request) => FakeResponse.Ok(SyntheticApi.Feed(SyntheticApi.RequestedIds(request)));

    [Fact]
    public async Task A_retry_passes_the_quiet_time_gate_too_and_its_wait_is_logged()
    {
        using var server = new LocalHttpServer(Sequence(_ => new FakeResponse(503, "busy"), Good));
        var spacing = TimeSpan.FromMilliseconds(300);
        // The back-off (10 ms) is far shorter than the spacing: only the gate can hold the retry back.
        var options = ArxivFixtures.Options(server.BaseUrl) with { RequestSpacing = spacing };
        var log = new ConcurrentQueue<string>();
        using var network = new SocketsHttpHandler();
        var http = new ArxivHttp(network, options, TimeProvider.System) { Log = log.Enqueue };

        var result = await new ArxivApiClient(http, options).FetchBatchAsync(SyntheticApi.Ids(2), CancellationToken.None);

        Assert.Equal(2, result.Found.Count);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].Arrived - requests[0].Answered >= spacing,
            $"the retry came {(requests[1].Arrived - requests[0].Answered).TotalMilliseconds:0.#} ms after the 503; spacing is {spacing.TotalMilliseconds} ms");
        Assert.Equal(1, server.MaxInFlight);
        Assert.Equal(2, http.RequestCount);
        var line = Assert.Single(log);
        Assert.StartsWith($"arxiv: HTTP 503 from GET {server.BaseUrl}/api/query?id_list=", line);
        Assert.Contains(", retry 1 of 4 in ", line);
    }

    [Fact]
    public async Task A_lasting_503_is_a_transient_SourceException_and_a_404_a_lasting_one()
    {
        using (var server = new LocalHttpServer(_ => new FakeResponse(503, "down")))
        {
            var options = ArxivFixtures.Options(server.BaseUrl) with { MaxRetries = 1 };
            using var network = new SocketsHttpHandler();
            var api = new ArxivApiClient(new ArxivHttp(network, options, TimeProvider.System), options);
            SourceException error = await Assert.ThrowsAsync<ArxivHttpException>(() => api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None));
            Assert.True(error.IsTransient);
            Assert.Equal("arxiv", error.SourceName);
            Assert.Contains("failed after 2 attempt(s): HTTP 503", error.Message);
        }
        using (var server = new LocalHttpServer(_ => new FakeResponse(404, "Not Found")))
        {
            var options = ArxivFixtures.Options(server.BaseUrl);
            using var network = new SocketsHttpHandler();
            var api = new ArxivApiClient(new ArxivHttp(network, options, TimeProvider.System), options);
            SourceException error = await Assert.ThrowsAsync<ArxivHttpException>(() => api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None));
            Assert.False(error.IsTransient);
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_transient_naming_the_url_after_every_attempt_timed_out()
    {
        using var server = new LocalHttpServer(r => Good(r) with { Delay = TimeSpan.FromSeconds(5) });
        var options = ArxivFixtures.Options(server.BaseUrl) with { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 };
        using var network = new SocketsHttpHandler();
        var api = new ArxivApiClient(new ArxivHttp(network, options, TimeProvider.System), options);

        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.StartsWith($"GET {server.BaseUrl}/api/query?id_list=", error.Message);
        Assert.Contains("no answer within 0.2 s (2 attempt(s))", error.Message);
    }
}
