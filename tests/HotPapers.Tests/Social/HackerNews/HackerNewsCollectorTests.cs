using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Social.HackerNews;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.HackerNews;

public sealed partial class HackerNewsCollectorTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly long Day = new DateTimeOffset(2024, 1, 9, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private const string Empty = """{"hits":[],"nbHits":0,"page":0,"nbPages":0,"hitsPerPage":200}""";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [GeneratedRegex(@"numericFilters=created_at_i%3E%3D(?<from>\d+)%2Ccreated_at_i%3C(?<to>\d+)&hitsPerPage=\d+&page=(?<page>\d+)$")]
    private static partial Regex Window();

    /// <summary>
    /// Algolia for 2024-01-09 in 6-hour slices: 06-12 holds the new-format page, 12-18 the two old-format pages,
    /// 18-24 claims more hits than Algolia pages through (so it must be split), the rest is empty.
    /// </summary>
    private static Reply Algolia(RecordedRequest request)
    {
        var m = Window().Match(request.PathAndQuery);
        if (!request.PathAndQuery.StartsWith("/api/v1/search_by_date?query=arxiv.org&restrictSearchableAttributes=url&tags=story&typoTolerance=false&", StringComparison.Ordinal) || !m.Success)
            return new Reply(400, """{"message":"unexpected request"}""");
        long from = long.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture) - Day, to = long.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) - Day;
        var page = int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture);
        const long h = 3600;
        return (from, to, page) switch
        {
            (6 * h, 12 * h, 0) => new Reply(200, TestData.Read("hackernews", "search_by_date-new.json")),
            (12 * h, 18 * h, 0) => new Reply(200, TestData.Read("hackernews", "search_by_date-old-page0.json")),
            (12 * h, 18 * h, 1) => new Reply(200, TestData.Read("hackernews", "search_by_date-old-page1.json")),
            (18 * h, 24 * h, 0) => new Reply(200, """{"hits":[],"nbHits":1500,"page":0,"nbPages":50,"hitsPerPage":20}"""),
            _ => new Reply(200, Empty),
        };
    }

    private static async Task<HackerNewsCollectResult> Collect(LocalHttpServer server, HotPapers.Store.HotPapersStore store)
    {
        using var http = new HttpClient();
        var options = new HackerNewsOptions { ApiBaseUrl = new Uri(server.BaseUrl, "api/v1") };
        return await new HackerNewsCollector(store, http, options, new FixedClock(Now)).CollectDayAsync(new DateOnly(2024, 1, 9), CancellationToken.None);
    }

    [Fact]
    public async Task Walks_the_day_in_slices_pages_each_and_splits_an_overfull_one()
    {
        await using var server = new LocalHttpServer(Algolia);
        using var temp = new TempStore();
        using var store = temp.Open();

        var result = await Collect(server, store);

        var windows = server.Requests.Select(r => Window().Match(r.PathAndQuery)).Select(m =>
            $"{(long.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture) - Day) / 3600.0}-{(long.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) - Day) / 3600.0}/{m.Groups["page"].Value}").ToArray();
        Assert.Equal(["0-6/0", "6-12/0", "12-18/0", "12-18/1", "18-24/0", "18-21/0", "21-24/0"], windows);
        Assert.Equal(new HackerNewsCollectResult(Requests: 7, Slices: 5, Hits: 5, StoriesKept: 2, Links: 2), result);
    }

    [Fact]
    public async Task Keeps_only_real_paper_links_with_points_as_likes_and_comments_beside()
    {
        await using var server = new LocalHttpServer(Algolia);
        using var temp = new TempStore();
        using var store = temp.Open();

        await Collect(server, store);

        var mixtral = store.LoadPost("hackernews", "38911002")!;
        Assert.Equal("Mixtral of Experts\nhttps://arxiv.org/abs/2401.04088", mixtral.Text);
        Assert.Equal("anotheruser", mixtral.AuthorHandle);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1704787351), mixtral.CreatedAt);
        Assert.Equal(new PostEntity(EntityKind.Url, 19, 51, "https://arxiv.org/abs/2401.04088"), Assert.Single(mixtral.Entities));
        Assert.Equal(new EngagementSnapshot("hackernews", "38911002", 0, 312, Now), store.LoadLatestSnapshot("hackernews", "38911002"));
        Assert.Equal((312L, 87L), store.LoadHackerNewsCounts("38911002"));
        Assert.Equal(["2401.04088"], store.LoadArxivLinks("hackernews", "38911002"));

        Assert.Equal(["1706.03762"], store.LoadArxivLinks("hackernews", "38913001"));
        Assert.Equal((611L, 381L), store.LoadHackerNewsCounts("38913001"));

        Assert.Null(store.LoadPost("hackernews", "39443965")); // x.com
        Assert.Null(store.LoadPost("hackernews", "38912000")); // arxiv.org.example.com
        Assert.Null(store.LoadPost("hackernews", "38911500")); // Ask HN, no url
    }

    [Fact]
    public async Task A_known_paper_gets_the_story_linked_and_a_rerun_adds_nothing()
    {
        await using var server = new LocalHttpServer(Algolia);
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write(tx => tx.Papers.Upsert(new Paper(ArxivId.Parse("2401.04088"), "Mixtral of Experts", ["A. Jiang"], [new Subject("cs.LG")],
            "We introduce Mixtral.", "https://arxiv.org/abs/2401.04088", "https://arxiv.org/pdf/2401.04088", new DateOnly(2024, 1, 9), 1)));

        await Collect(server, store);
        var first = store.RowCounts();
        await Collect(server, store);

        Assert.Equal(first, store.RowCounts());
        Assert.Equal(1, first["paper_posts"]);
        var candidates = store.LoadCandidates(DigestWindow.Day(new DateOnly(2024, 1, 9)), TimeZoneInfo.Utc);
        var paper = Assert.Single(candidates.Papers);
        Assert.Equal(312, paper.Likes);
    }

    [Fact]
    public async Task A_server_error_names_the_request()
    {
        await using var server = new LocalHttpServer(_ => new Reply(503, "busy", ContentType: "text/plain"));
        using var temp = new TempStore();
        using var store = temp.Open();

        var error = await Assert.ThrowsAsync<HackerNewsApiException>(() => Collect(server, store));

        Assert.Contains("503", error.Message);
        Assert.Contains($"http://127.0.0.1:{server.Port}/api/v1/search_by_date?", error.Message);
    }
}
