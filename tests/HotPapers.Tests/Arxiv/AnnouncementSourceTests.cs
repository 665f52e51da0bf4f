using System.Net;
using HotPapers.Arxiv;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Arxiv;

/// <summary>The RSS and OAI-PMH sources end to end through the collector, against a local server.</summary>
public sealed class AnnouncementSourceTests
{
    private const string Token = "verb%3DListRecords%26metadataPrefix%3DarXiv%26set%3Dcs%26from%3D2020-10-27%26until%3D2020-10-27%26skip%3D2";

    private static FakeResponse? Feeds(HttpListenerRequest request) => request.Url!.AbsolutePath switch
    {
        "/rss/cs" => FakeResponse.Ok(ArxivFixtures.Read("rss/cs-2020-10-27.rss.xml")),
        "/rss/stat.ML" => FakeResponse.Ok(ArxivFixtures.Read("rss/stat.ML-2020-10-27.atom.xml")),
        "/oai" => Oai(request),
        _ => null,
    };

    private static FakeResponse Oai(HttpListenerRequest request)
    {
        var q = request.QueryString;
        if (q["verb"] != "ListRecords") return new FakeResponse(400, "bad verb");
        // The token comes back exactly as it was found: the client encodes it once more, the server decodes once.
        if (q["resumptionToken"] is { } token)
            return token == Token ? FakeResponse.Ok(ArxivFixtures.Read("oai/cs-2020-10-27-page2.xml")) : new FakeResponse(200, "<OAI-PMH xmlns='http://www.openarchives.org/OAI/2.0/'><error code='badResumptionToken'>bad token</error></OAI-PMH>");
        if (q["metadataPrefix"] != "arXiv" || q["from"] != "2020-10-27" || q["until"] != "2020-10-27") return new FakeResponse(400, "bad arguments");
        return q["set"] switch
        {
            "cs" => FakeResponse.Ok(ArxivFixtures.Read("oai/cs-2020-10-27-page1.xml")),
            "stat:stat:ML" => FakeResponse.Ok(ArxivFixtures.Read("oai/error-noRecordsMatch.xml")),
            _ => new FakeResponse(400, "bad set " + q["set"]),
        };
    }

    [Fact]
    public async Task Rss_collects_new_and_cross_listed_papers_and_skips_replacements()
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml", Feeds));
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl), AnnouncementSourceKind.Rss);
        using var _c = client;

        var report = await collector.CollectAsync(ArxivFixtures.Day, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Missing));
        var papers = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);
        Assert.Equal(["2010.13581", "2010.13154", "2010.13483"], papers.Select(p => p.Id.Value));
        Assert.Equal(["new", "cross", "cross"], store.LoadAnnouncements(ArxivFixtures.Day).Select(a => a.Kind));
        Assert.All(papers, p => Assert.True(p.HasPdf)); // the feed cannot say; the API's pdf link does
        Assert.Equal(["cs.RO", "cs.LG", "stat.ML"], papers[2].Subjects.Select(s => s.Code));
        Assert.Equal(ArxivFixtures.Seed().Papers[0].Paper.Title, papers[0].Title);
    }

    [Fact]
    public async Task Rss_for_another_day_is_refused()
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml", Feeds));
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl), AnnouncementSourceKind.Rss);
        using var _c = client;
        var error = await Assert.ThrowsAsync<ArxivSourceException>(() => collector.CollectAsync(new DateOnly(2020, 10, 28), false, CancellationToken.None));
        Assert.Contains("holds the announcement of 2020-10-27, not 2020-10-28", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.RowCounts()["papers"]);
    }

    [Fact]
    public async Task Oai_follows_the_resumption_token_and_keeps_replacements_and_deletions_out()
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml", Feeds));
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl), AnnouncementSourceKind.Oai);
        using var _c = client;

        var report = await collector.CollectAsync(ArxivFixtures.Day, false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Missing));
        Assert.Equal(3, server.Requests.Count(r => r.PathAndQuery.StartsWith("/oai", StringComparison.Ordinal))); // cs page 1, page 2, stat.ML
        var papers = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);
        Assert.Equal(["2010.13581", "2010.13154"], papers.Select(p => p.Id.Value));
        Assert.Equal(["new", "cross"], store.LoadAnnouncements(ArxivFixtures.Day).Select(a => a.Kind));
        Assert.Equal(ArxivFixtures.Seed().Papers[0].Paper.Abstract, papers[0].Abstract);
    }
}
