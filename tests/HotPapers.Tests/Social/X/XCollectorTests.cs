using HotPapers.Domain;
using HotPapers.Social.X;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.X;

/// <summary>The recent-search collector against a fake X server: query packing, budget, 429, reposts.</summary>
public class XCollectorTests
{
    private static readonly DateOnly Day = new(2021, 6, 9);
    private static readonly DateTimeOffset Start = new(2021, 6, 11, 9, 50, 30, TimeSpan.Zero);

    private static (XCollector Collector, XSearchClient Search) Make(HotPapersStore store, FakeXServer server, ManualClock clock, int budget = 100_000, int maxQuery = 512)
    {
        var options = new XOptions { ApiBaseUrl = "http://127.0.0.1:9", BearerToken = FakeXServer.Token, ReadBudget = budget, MaxQueryLength = maxQuery };
        var search = new XSearchClient(new HttpClient(server), options, clock, clock.Delay);
        return (new XCollector(store, search, options, clock), search);
    }

    [Fact]
    public async Task Nine_hundred_papers_take_at_most_ninety_requests_and_every_one_is_linked()
    {
        var papers = FakeXServer.Papers(900);
        using var store = StoreFixture.WithPapers(papers, Day);
        var clock = new ManualClock(Start);
        var server = new FakeXServer(clock);
        foreach (var p in papers) server.AddPosts(p, 1);
        var (collector, _) = Make(store, server, clock);

        var result = await collector.CollectAsync(papers);

        Assert.True(server.Requests.Count <= 90, $"{server.Requests.Count} requests for 900 papers");
        Assert.True(server.MaxQueryLengthSeen <= 512, $"a query of {server.MaxQueryLengthSeen} characters");
        Assert.Equal(900, result.PostsStored);
        Assert.Equal(900, result.Links);
        Assert.Equal(900, store.CountRows("paper_posts"));
        Assert.Equal(900, store.CountRows("engagement_snapshots"));
        Assert.All(server.Requests, r => Assert.Contains("-is%3Aretweet", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_follow_next_token_and_the_read_budget_is_never_exceeded()
    {
        var papers = FakeXServer.Papers(40);
        using var store = StoreFixture.WithPapers(papers, Day);
        var clock = new ManualClock(Start);
        var server = new FakeXServer(clock);
        foreach (var p in papers) server.AddPosts(p, 30); // 1200 posts in all
        var (collector, _) = Make(store, server, clock, budget: 345);

        var result = await collector.CollectAsync(papers);

        Assert.True(server.PostsServed <= 345, $"{server.PostsServed} posts read with a budget of 345");
        Assert.Equal(server.PostsServed, result.PostsRead);
        Assert.True(result.BudgetExhausted);
        Assert.True(result.PostsRead >= 335, $"only {result.PostsRead} read: the budget should be used up to the last page that fits");
        Assert.Contains(server.Requests, r => r.Query.Contains("next_token=", StringComparison.Ordinal));
        Assert.Equal(result.PostsRead, store.CountRows("social_posts"));
    }

    [Fact]
    public async Task A_429_waits_until_the_reset_header_and_resumes()
    {
        var papers = FakeXServer.Papers(3);
        using var store = StoreFixture.WithPapers(papers, Day);
        var clock = new ManualClock(Start);
        var server = new FakeXServer(clock) { TooManyRequestsLeft = 2, ResetAfterSeconds = 120 };
        foreach (var p in papers) server.AddPosts(p, 2);
        var (collector, search) = Make(store, server, clock);

        var result = await collector.CollectAsync(papers);

        Assert.Equal(3, server.Requests.Count); // 429, 429, then the answer
        Assert.Equal(2, clock.Waits.Count);
        Assert.All(clock.Waits, w => Assert.Equal(TimeSpan.FromSeconds(121), w));
        Assert.Equal(TimeSpan.FromSeconds(242), search.Waited);
        Assert.Equal(6, result.PostsStored);
        // The snapshots are measured at the clock after the waits, not before.
        var candidates = store.LoadCandidates(DigestWindow.Day(Day), TimeZoneInfo.Utc);
        Assert.All(candidates.Papers.SelectMany(p => p.Posts), p => Assert.Equal(Start.AddSeconds(242), p.Counts!.MeasuredAt));
    }

    [Fact]
    public async Task Too_many_429s_fail_with_the_url_but_never_the_token()
    {
        var papers = FakeXServer.Papers(1);
        using var store = StoreFixture.WithPapers(papers, Day);
        var clock = new ManualClock(Start);
        var server = new FakeXServer(clock) { TooManyRequestsLeft = 100 };
        var (collector, _) = Make(store, server, clock);

        var e = await Assert.ThrowsAsync<XApiException>(() => collector.CollectAsync(papers));
        Assert.Contains("/2/tweets/search/recent", e.Message);
        Assert.DoesNotContain(FakeXServer.Token, e.Message);
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task A_retweet_only_result_adds_nothing()
    {
        var papers = FakeXServer.Papers(2);
        using var store = StoreFixture.WithPapers(papers, Day);
        var clock = new ManualClock(Start);
        var server = new FakeXServer(clock);
        server.AddPosts(papers[0], 3, retweet: true);
        var before = store.RowCounts();
        var (collector, _) = Make(store, server, clock);

        var result = await collector.CollectAsync(papers);

        Assert.Equal(3, result.RepostsSkipped);
        Assert.Equal(0, result.PostsStored);
        Assert.Equal(before, store.RowCounts());
        Assert.Equal(0, store.CountRows("post_arxiv_links"));
    }

    [Fact]
    public async Task Counts_come_from_public_metrics_and_a_second_run_appends_a_snapshot()
    {
        var papers = FakeXServer.Papers(1);
        using var store = StoreFixture.WithPapers(papers, Day);
        var clock = new ManualClock(Start);
        var server = new FakeXServer(clock);
        server.AddPosts(papers[0], 2, firstLikes: 40);
        var (collector, _) = Make(store, server, clock);

        await collector.CollectAsync(papers);
        await clock.Delay(TimeSpan.FromHours(1), default);
        await Make(store, server, clock).Collector.CollectAsync(papers);

        Assert.Equal(4, store.CountRows("engagement_snapshots"));
        var paper = Assert.Single(store.LoadCandidates(DigestWindow.Day(Day), TimeZoneInfo.Utc).Papers);
        Assert.Equal((3 + 4, 40 + 41), (paper.Reposts, paper.Likes));
    }

    [Fact]
    public void Queries_pack_papers_within_the_length_limit()
    {
        var papers = FakeXServer.Papers(100);
        var queries = XQueryBuilder.Build(papers, 512);
        Assert.All(queries, q => Assert.True(q.Text.Length <= 512, q.Text));
        Assert.Equal(papers, queries.SelectMany(q => q.Papers));
        Assert.True(queries.Count <= 10);
        Assert.StartsWith("(url:\"2106.00001\" OR url:\"2106.00002\"", queries[0].Text);
        Assert.EndsWith(") -is:retweet", queries[0].Text);
        Assert.Equal("url:\"2106.00001\" -is:retweet", XQueryBuilder.Build(papers[..1], 512).Single().Text);
    }

    [Fact]
    public void The_options_never_print_the_token()
    {
        var options = new XOptions { BearerToken = FakeXServer.Token };
        Assert.DoesNotContain(FakeXServer.Token, options.ToString());
        Assert.Contains("(set)", options.ToString());
    }
}
