using System.Net;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Arxiv;

/// <summary>Acceptance 3: retries, Retry-After, unreadable bodies, rejected and unknown ids, and a run that fails halfway.</summary>
public sealed class ArxivFaultTests
{
    private static (ArxivApiClient Api, ArxivHttp Http, HttpMessageHandler Client) Api(LocalHttpServer server, Func<ArxivOptions, ArxivOptions>? tweak = null)
    {
        var options = ArxivFixtures.Options(server.BaseUrl);
        if (tweak is not null) options = tweak(options);
        var client = new SocketsHttpHandler();
        var http = new ArxivHttp(client, options, TimeProvider.System);
        return (new ArxivApiClient(http, options), http, client);
    }

    private static Func<HttpListenerRequest, FakeResponse> Sequence(params Func<HttpListenerRequest, FakeResponse>[] answers)
    {
        var n = -1;
        return request => answers[Math.Min(Interlocked.Increment(ref n), answers.Length - 1)](request);
    }

    private static FakeResponse Good(HttpListenerRequest request) => FakeResponse.Ok(SyntheticApi.Feed(SyntheticApi.RequestedIds(request)));

    [Fact]
    public async Task Two_503s_then_200_succeeds_on_the_third_request()
    {
        using var server = new LocalHttpServer(Sequence(_ => new FakeResponse(503, "busy"), _ => new FakeResponse(503, "busy"), Good));
        var (api, http, client) = Api(server);
        using var _c = client;
        var ids = SyntheticApi.Ids(3);
        var result = await api.FetchBatchAsync(ids, CancellationToken.None);
        Assert.Equal(ids.ToHashSet(), result.Found.Keys.ToHashSet());
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, http.RequestCount);
    }

    [Fact]
    public async Task A_429_with_Retry_After_2_is_waited_out_for_at_least_two_seconds()
    {
        using var server = new LocalHttpServer(Sequence(_ => new FakeResponse(429, "Rate exceeded", new Dictionary<string, string> { ["Retry-After"] = "2" }), Good));
        var (api, _, client) = Api(server); // back-off alone would wait 10 ms
        using var _c = client;
        var result = await api.FetchBatchAsync(SyntheticApi.Ids(2), CancellationToken.None);
        Assert.Equal(2, result.Found.Count);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].Arrived - requests[0].Answered >= TimeSpan.FromSeconds(2), $"waited only {(requests[1].Arrived - requests[0].Answered).TotalSeconds:0.###} s");
    }

    [Fact]
    public async Task A_truncated_body_is_asked_again_and_a_lasting_one_fails_naming_url_and_line()
    {
        var full = SyntheticApi.Feed(["2010.00001"]);
        using (var server = new LocalHttpServer(Sequence(_ => FakeResponse.Ok(full[..(full.Length / 2)]), Good)))
        {
            var (api, _, client) = Api(server);
            using var _c = client;
            var result = await api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None);
            Assert.Single(result.Found);
        }
        using (var server = new LocalHttpServer(_ => FakeResponse.Ok(full[..(full.Length / 2)])))
        {
            var (api, _, client) = Api(server, o => o with { MaxRetries = 2 });
            using var _c = client;
            var error = await Assert.ThrowsAsync<ArxivHttpException>(() => api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None));
            Assert.Contains($"GET {server.BaseUrl}/api/query?id_list=2010.00001", error.Message, StringComparison.Ordinal);
            Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
            Assert.Matches(@"malformed XML at line \d+", error.Message);
            Assert.Equal(3, server.Requests.Count);
        }
    }

    [Fact]
    public async Task Html_instead_of_a_feed_is_a_clear_error()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.Ok("<html><body>maintenance</body></html>"));
        var (api, _, client) = Api(server, o => o with { MaxRetries = 0 });
        using var _c = client;
        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None));
        Assert.Contains("expected an Atom <feed>, found <html>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_out_is_retried()
    {
        using var server = new LocalHttpServer(Sequence(r => Good(r) with { Delay = TimeSpan.FromSeconds(3) }, Good));
        var (api, _, client) = Api(server, o => o with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        using var _c = client;
        var result = await api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None);
        Assert.Single(result.Found);
    }

    [Fact]
    public async Task A_404_is_not_retried_and_names_the_url()
    {
        using var server = new LocalHttpServer(_ => new FakeResponse(404, "Not Found"));
        var (api, _, client) = Api(server);
        using var _c = client;
        var error = await Assert.ThrowsAsync<ArxivHttpException>(() => api.FetchBatchAsync(SyntheticApi.Ids(1), CancellationToken.None));
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_rejected_id_and_an_unknown_id_are_reported_by_id()
    {
        // REAL answers: the classic error entry for 1234.12345, and the 2026 empty feed for 0000.0000.
        using var server = new LocalHttpServer(request => SyntheticApi.RequestedIds(request).Single() switch
        {
            "1234.12345" => new FakeResponse(200, ArxivFixtures.Read("api/real-classic-manual-error.xml")),
            "0000.0000" => new FakeResponse(200, ArxivFixtures.Read("api/real-current-empty-0000.0000.xml")),
            _ => new FakeResponse(500, "unexpected"),
        });
        var (api, _, client) = Api(server, o => o with { BatchSize = 1 });
        using var _c = client;
        var rejected = await api.FetchBatchAsync([ArxivId.Parse("1234.12345")], CancellationToken.None);
        Assert.Empty(rejected.Found);
        Assert.Equal("incorrect id format for 1234.12345", rejected.Errors[ArxivId.Parse("1234.12345")]);
        Assert.Empty(rejected.Unknown);

        var unknown = await api.FetchBatchAsync([ArxivId.Parse("0000.0000")], CancellationToken.None);
        Assert.Empty(unknown.Found);
        Assert.Equal([ArxivId.Parse("0000.0000")], unknown.Unknown);
        Assert.Equal(2, server.Requests.Count); // an honest empty answer (totalResults 0) is not retried
    }

    [Fact]
    public async Task The_2026_error_feed_with_HTTP_400_is_read_not_retried()
    {
        using var server = new LocalHttpServer(_ => new FakeResponse(400, ArxivFixtures.Read("api/real-current-error-abc-400.xml")));
        var (api, _, client) = Api(server);
        using var _c = client;
        var result = await api.FetchBatchAsync([ArxivId.Parse("2010.13581")], CancellationToken.None);
        Assert.Equal([ArxivId.Parse("2010.13581")], result.Unknown);
        Assert.Contains(result.Notes, n => n.Contains("incorrect id format for abc", StringComparison.Ordinal));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_run_that_fails_halfway_keeps_the_store_consistent_and_the_next_run_fetches_only_the_missing_batch()
    {
        var db = ArxivFixtures.TempDb();
        var apiRequests = new List<string>();
        var broken = true;
        FakeResponse? Fault(HttpListenerRequest request)
        {
            if (request.Url!.AbsolutePath != "/api/query") return null;
            lock (apiRequests) apiRequests.Add(request.QueryString["id_list"]!);
            return broken && request.QueryString["id_list"]!.Contains("2010.13154", StringComparison.Ordinal) ? new FakeResponse(503, "down") : null;
        }
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml", Fault));
        var options = ArxivFixtures.Options(server.BaseUrl) with { BatchSize = 3, MaxRetries = 1 };

        using (var store = HotPapersStore.Open(db))
        {
            var (collector, _, client) = ArxivFixtures.Collector(store, options);
            using var _c = client;
            var report = await collector.CollectAsync(ArxivFixtures.Day, false, CancellationToken.None);
            Assert.False(report.Succeeded);
            Assert.Equal(["2010.13303", "2010.13154", "2010.12931"], report.Missing.Select(m => m.Id.Value));
            Assert.All(report.Missing, m => Assert.Contains("HTTP 503", m.Problem, StringComparison.Ordinal));
            var stored = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);
            Assert.Equal(["2010.13581", "2010.13611", "2010.13192", "2010.13483"], stored.Select(p => p.Id.Value));
            Assert.Equal([1, 2, 3, 7], stored.Select(p => p.CrawlOrder));
            Assert.Equal("failed", store.LoadArxivFetch(ArxivId.Parse("2010.13154"))!.Value.Status);
            Assert.Equal(4, store.RowCounts()["papers"]);
            Assert.Equal(4, store.RowCounts()["announcements"]);
        }

        broken = false;
        apiRequests.Clear();
        using (var store = HotPapersStore.Open(db))
        {
            var (collector, _, client) = ArxivFixtures.Collector(store, options);
            using var _c = client;
            var report = await collector.CollectAsync(ArxivFixtures.Day, false, CancellationToken.None);
            Assert.True(report.Succeeded);
            Assert.Equal(4, report.AlreadyHeld);
            Assert.Equal(["2010.13303,2010.13154,2010.12931"], apiRequests);
            var stored = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);
            Assert.Equal(Enumerable.Range(1, 7), stored.Select(p => p.CrawlOrder));
            Assert.Equal("fetched", store.LoadArxivFetch(ArxivId.Parse("2010.13154"))!.Value.Status);
            Assert.Equal(1, store.LoadArxivFetch(ArxivId.Parse("2010.13154"))!.Value.Version);
        }
    }
}
