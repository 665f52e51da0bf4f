using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Arxiv;

/// <summary>Acceptance 1: a recorded pastweek listing (both layouts) and matching API answers give exactly the expected store.</summary>
public sealed class ArxivCollectTests
{
    // Crawl order: cs in listing order (page 1, then page 2), then stat.ML; 2010.13581 is cross-listed to stat.ML
    // and keeps its cs place; 2010.12400 belongs to the day before and must not appear.
    private static readonly (string Id, string Kind, bool Pdf, string[] Codes)[] Expected =
    [
        ("2010.13581", "new", true, ["cs.LG", "math.DS", "physics.comp-ph", "physics.data-an", "stat.ML"]),
        ("2010.13611", "new", true, ["cs.LG"]),
        ("2010.13192", "new", true, ["cs.CL"]),
        ("2010.13303", "new", false, ["cs.LG"]),
        ("2010.13154", "cross", true, ["eess.AS", "cs.LG", "cs.SD", "eess.SP"]),
        ("2010.12931", "cross", true, ["astro-ph.IM", "cs.LG", "gr-qc"]),
        ("2010.13483", "cross", true, ["cs.RO", "cs.LG", "stat.ML"]),
    ];

    [Theory]
    [InlineData("current", "classic-2020-10-27.xml")]
    [InlineData("legacy", "classic-2020-10-27.xml")]
    [InlineData("current", "current-2020-10-27.xml")]
    [InlineData("legacy", "current-2020-10-27.xml")]
    public async Task Collect_stores_exactly_the_listed_papers_in_crawl_order(string layout, string apiFeed)
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router(layout, apiFeed));
        var db = ArxivFixtures.TempDb();
        using var store = HotPapersStore.Open(db);
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl));
        using var _c = client;

        var report = await collector.CollectAsync(ArxivFixtures.Day, refetch: false, CancellationToken.None);

        Assert.True(report.Succeeded, string.Join("; ", report.Missing));
        Assert.Equal(7, report.Announced);
        Assert.Equal(1, report.Requests);
        var papers = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);
        Assert.Equal(Expected.Select(e => e.Id), papers.Select(p => p.Id.Value));
        Assert.Equal(Enumerable.Range(1, 7), papers.Select(p => p.CrawlOrder));
        Assert.Equal(Expected.Select(e => e.Kind), store.LoadAnnouncements(ArxivFixtures.Day).Select(a => a.Kind));
        Assert.Equal(Expected.Select(e => e.Pdf), papers.Select(p => p.HasPdf));
        Assert.All(papers.Zip(Expected), pair => Assert.Equal(pair.Second.Codes, pair.First.Subjects.Select(s => s.Code)));
        Assert.Equal("Data Analysis, Statistics and Probability", papers[0].Subjects[3].Name);
        Assert.Equal("https://arxiv.org/pdf/2010.13581", papers[0].PdfUrl);
        Assert.Equal("https://arxiv.org/abs/2010.13303", papers[3].AbsUrl);
        Assert.Null(papers[3].PdfUrl);

        // Texts: the classic API's wraps give the seed's bytes; the 2026 API has one-line titles (single spaces).
        var seed = ArxivFixtures.Seed().Papers.ToDictionary(p => p.Paper.Id.Value, p => p.Paper);
        foreach (var paper in papers)
        {
            var expectedTitle = apiFeed.StartsWith("classic", StringComparison.Ordinal) ? seed[paper.Id.Value].Title : seed[paper.Id.Value].Title.Replace("  ", " ");
            Assert.Equal(expectedTitle, paper.Title);
            Assert.Equal(seed[paper.Id.Value].Abstract, paper.Abstract);
            Assert.Equal(seed[paper.Id.Value].Authors, paper.Authors);
        }
    }

    [Fact]
    public async Task First_seed_paper_title_and_abstract_bytes_come_out_exactly_as_published()
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml"));
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl));
        using var _c = client;
        await collector.CollectAsync(ArxivFixtures.Day, refetch: false, CancellationToken.None);

        var seedLines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "seeds", "2020-10-27---Hot-Papers.md")).Split('\n');
        var paper = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day).Single(p => p.Id.Value == "2010.13581");
        // The seed's heading line and abstract line, compared as UTF-8 bytes.
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(seedLines[17]), System.Text.Encoding.UTF8.GetBytes($"# 1. {paper.Title}"));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(seedLines[26]), System.Text.Encoding.UTF8.GetBytes(paper.Abstract));
        Assert.Contains("Explicit  Constraints", paper.Title, StringComparison.Ordinal);
        // The raw response really is wrapped: the normaliser, not the fixture, produced the seed's form.
        Assert.Contains("via Explicit\n  Constraints", ArxivFixtures.Read("api/classic-2020-10-27.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_is_idempotent_and_asks_the_api_nothing_it_already_holds()
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml"));
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl));
        using var _c = client;
        await collector.CollectAsync(ArxivFixtures.Day, refetch: false, CancellationToken.None);
        var before = store.RowCounts();
        var first = ArxivFixtures.StoredPapers(store, ArxivFixtures.Day);

        var again = await collector.CollectAsync(ArxivFixtures.Day, refetch: false, CancellationToken.None);
        Assert.Equal(0, again.Requests);
        Assert.Equal(7, again.AlreadyHeld);
        Assert.Equal(before, store.RowCounts());
        Assert.Equal(first, ArxivFixtures.StoredPapers(store, ArxivFixtures.Day), new PaperComparer());
        Assert.Single(server.Requests, r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal));

        var forced = await collector.CollectAsync(ArxivFixtures.Day, refetch: true, CancellationToken.None);
        Assert.Equal(1, forced.Requests);
        Assert.Equal(7, forced.Fetched);
        Assert.Equal(before, store.RowCounts());
    }

    [Fact]
    public async Task A_date_outside_the_pastweek_listing_is_a_clear_error()
    {
        using var server = new LocalHttpServer(ArxivFixtures.Router("current", "classic-2020-10-27.xml"));
        using var store = HotPapersStore.Open(ArxivFixtures.TempDb());
        var (collector, _, client) = ArxivFixtures.Collector(store, ArxivFixtures.Options(server.BaseUrl));
        using var _c = client;
        var error = await Assert.ThrowsAsync<ArxivSourceException>(() => collector.CollectAsync(new DateOnly(2020, 10, 20), false, CancellationToken.None));
        Assert.Contains("2020-10-20 is not in the pastweek listing", error.Message, StringComparison.Ordinal);
        Assert.Contains("2020-10-26 to 2020-10-27", error.Message, StringComparison.Ordinal);
    }

    private sealed class PaperComparer : IEqualityComparer<Paper>
    {
        public bool Equals(Paper? x, Paper? y) => x is not null && y is not null && x.Id == y.Id && x.Title == y.Title && x.Abstract == y.Abstract
            && x.Authors.SequenceEqual(y.Authors) && x.Subjects.SequenceEqual(y.Subjects) && x.PdfUrl == y.PdfUrl && x.CrawlOrder == y.CrawlOrder;

        public int GetHashCode(Paper obj) => obj.Id.GetHashCode();
    }
}
