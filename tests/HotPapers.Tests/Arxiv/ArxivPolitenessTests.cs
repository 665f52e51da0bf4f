using HotPapers.Arxiv;
using HotPapers.Store;
using Xunit;

namespace HotPapers.Tests.Arxiv;

/// <summary>Acceptance 2: what the fake server sees for 900 ids — few requests, one at a time, never too close.</summary>
public sealed class ArxivPolitenessTests
{
    [Fact]
    public async Task Nine_hundred_ids_take_at_most_ceil_900_over_batch_requests_one_at_a_time_spaced()
    {
        var ids = SyntheticApi.Ids(900);
        // The server takes a little while per answer, so a client that overlapped requests would be caught.
        using var server = new LocalHttpServer(request => new FakeResponse(200, SyntheticApi.Feed(SyntheticApi.RequestedIds(request)), Delay: TimeSpan.FromMilliseconds(15)));
        var spacing = TimeSpan.FromMilliseconds(50);
        var options = ArxivFixtures.Options(server.BaseUrl) with { RequestSpacing = spacing };
        Assert.True(options.BatchSize >= 50, "the default batch must hold at least 50 ids");
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        using var client = new SocketsHttpHandler();
        var http = new ArxivHttp(client, options, TimeProvider.System);
        var collector = new ArxivCollector(store, new SyntheticApi.FixedSource(ids), new ArxivApiClient(http, options), options, TimeProvider.System);

        var report = await collector.CollectAsync(ArxivFixtures.Day, refetch: false, CancellationToken.None);

        Assert.True(report.Succeeded);
        Assert.Equal(900, report.Fetched);
        var requests = server.Requests;
        var maxRequests = (int)Math.Ceiling(900.0 / options.BatchSize);
        Assert.InRange(requests.Count, 1, maxRequests);
        Assert.Equal(1, server.MaxInFlight);
        for (var i = 1; i < requests.Count; i++)
        {
            var gap = requests[i].Arrived - requests[i - 1].Answered;
            Assert.True(gap >= spacing, $"request {i + 1} came {gap.TotalMilliseconds:0.#} ms after the previous answer; spacing is {spacing.TotalMilliseconds} ms");
        }
        // Every id asked exactly once, and matched by id although the answers come in reverse order.
        var asked = requests.SelectMany(r => Uri.UnescapeDataString(new Uri("http://x" + r.PathAndQuery).Query).Split("id_list=")[1].Split('&')[0].Split(',')).ToList();
        Assert.Equal(900, asked.Count);
        Assert.Equal(900, asked.Distinct().Count());
        var stored = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);
        Assert.All(stored, p => Assert.Equal($"Paper {p.Id}", p.Title));
        Assert.Equal(Enumerable.Range(1, 900), stored.Select(p => p.CrawlOrder));
    }

    [Fact]
    public void Default_options_keep_arxivs_terms()
    {
        var options = new ArxivOptions();
        Assert.True(options.RequestSpacing >= TimeSpan.FromSeconds(3));
        Assert.InRange(options.BatchSize, 50, 2000);
        Assert.Equal(["cs", "stat.ML"], options.Targets);
    }
}
