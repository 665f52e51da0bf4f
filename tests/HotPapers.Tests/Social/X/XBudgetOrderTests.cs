using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Social.HuggingFace;
using HotPapers.Social.X;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Social.X;

/// <summary>
/// Issue 14: a small X budget spent where it matters. A synthetic day of 120 papers: five hot ones (30 posts each
/// on X, 300+ upvotes on Daily Papers), fifteen warm ones (6 posts, a few upvotes), a hundred quiet ones (1 post, none
/// on Daily Papers). Posts arrive through the day round-robin over the papers still being talked about, and X answers
/// newest first, as recent search does. The hot papers come last in the crawl. With a budget of 10% of the day's reads,
/// the <c>x</c> step (after <c>hf</c> stored the upvotes) still finds all five; in crawl order it finds none.
/// </summary>
public sealed partial class XBudgetOrderTests
{
    private static readonly DateOnly Day = new(2021, 6, 9);
    private static readonly DateTimeOffset Now = new(2021, 6, 10, 8, 0, 0, TimeSpan.Zero);

    private static readonly List<(ArxivId Paper, int XPosts, int Upvotes)> Papers =
    [
        .. Enumerable.Range(1, 100).Select(i => (Id(i), 1, 0)),
        .. Enumerable.Range(101, 15).Select(i => (Id(i), 6, i - 95)),
        .. Enumerable.Range(116, 5).Select(i => (Id(i), 30, 300 + i)),
    ];

    private static int TotalReads => Papers.Sum(p => p.XPosts);

    private static List<ArxivId> Hot => Papers.Where(p => p.XPosts == 30).Select(p => p.Paper).ToList();

    private static ArxivId Id(int n) => ArxivId.Parse(string.Create(CultureInfo.InvariantCulture, $"2106.{n:D5}"));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Recent search over the day's posts: every post linking a paper of the query, newest first, paged.</summary>
    private sealed partial class NewestFirstSearch : HttpMessageHandler
    {
        private readonly List<(long Id, ArxivId Paper)> _posts = [];

        public NewestFirstSearch()
        {
            // Round-robin over the papers still being posted about: the hot papers' posts are the day's latest.
            var left = Papers.ToDictionary(p => p.Paper, p => p.XPosts);
            var id = 1402427601033916416L;
            while (left.Values.Any(n => n > 0))
                foreach (var (paper, _, _) in Papers.Where(p => left[p.Paper] > 0))
                {
                    left[paper]--;
                    id += 4194304L;
                    _posts.Add((id, paper));
                }
        }

        public int Served { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var asked = UrlTerm().Matches(query["query"]!).Select(m => m.Groups[1].Value).ToHashSet();
            var size = int.Parse(query["max_results"]!, CultureInfo.InvariantCulture);
            var offset = query["next_token"] is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
            var matches = _posts.Where(p => asked.Contains(p.Paper.Value)).OrderByDescending(p => p.Id).ToList();
            var page = matches.Skip(offset).Take(size).ToList();
            Served += page.Count;
            const string tco = "https://t.co/abcdefghij";
            var response = new XResponse
            {
                Data = page.Count == 0 ? null : page.Select(p => new XTweet
                {
                    Id = p.Id.ToString(CultureInfo.InvariantCulture), Text = "Paper " + tco, AuthorId = "1", CreatedAt = "2021-06-09T12:00:00.000Z", Lang = "en",
                    PublicMetrics = new XPublicMetrics { RetweetCount = 1, LikeCount = 5 },
                    Entities = new XEntities { Urls = [new XUrlEntity { Start = 6, End = 29, Url = tco, ExpandedUrl = $"https://arxiv.org/abs/{p.Paper}", DisplayUrl = $"arxiv.org/abs/{p.Paper}" }] },
                }).ToList(),
                Includes = page.Count == 0 ? null : new XIncludes { Users = [new XUser { Id = "1", Name = "Reader", Username = "reader" }] },
                Meta = new XMeta { ResultCount = page.Count, NextToken = offset + page.Count < matches.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null },
            };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(XJson.Serialize(response), Encoding.UTF8, "application/json") });
        }

        [GeneratedRegex("url:\"([^\"]+)\"")]
        private static partial Regex UrlTerm();
    }

    /// <summary>
    /// The day's papers in crawl order, and (when <paramref name="withUpvotes"/>) the Daily Papers upvotes the hf step
    /// stored. As the daily job has them when x runs, they are only listed (their metadata comes after the sources);
    /// <paramref name="metadataStored"/> stores it too, as a store filled by <c>collect arxiv</c> holds it.
    /// </summary>
    private static HotPapersStore Store(TempStore temp, bool withUpvotes, bool metadataStored)
    {
        var store = temp.Open();
        store.Write(tx =>
        {
            var order = 0;
            foreach (var (paper, _, upvotes) in Papers)
            {
                tx.Papers.List(new ListedEntry(Day, paper, ++order, "new", "Title " + paper, ["A. Author"], [new Subject("cs.LG")], true));
                if (metadataStored)
                {
                    tx.Papers.Upsert(new Paper(paper, "Title " + paper, ["A. Author"], [new Subject("cs.LG")], "Abstract.", $"https://arxiv.org/abs/{paper}",
                        $"https://arxiv.org/pdf/{paper}", Day, order));
                    tx.Papers.Announce(Day, paper, order, "new");
                }
                if (!withUpvotes || upvotes == 0) continue;
                var id = HuggingFaceCollector.PostId(paper, Day);
                tx.Posts.Upsert(new SocialPost(HuggingFacePlatform.Name, id, "submitter", "Submitter", Now.AddHours(-20), "en", "ltr", "Title", []), PostSource.Api);
                tx.Posts.AddSnapshot(new EngagementSnapshot(HuggingFacePlatform.Name, id, 0, upvotes, Now.AddHours(-1)));
                tx.Posts.LinkArxiv(HuggingFacePlatform.Name, id, paper);
            }
        });
        return store;
    }

    private static async Task<(string Summary, List<ArxivId> Found, int Served)> RunXStep(bool withUpvotes, int budget, bool metadataStored = false)
    {
        using var temp = new TempStore();
        using var store = Store(temp, withUpvotes, metadataStored);
        var search = new NewestFirstSearch();
        var options = new XOptions { ApiBaseUrl = "http://127.0.0.1:9", BearerToken = "token", ReadBudget = budget };
        var step = new SourceStep("x", new XSource(new HttpClient(search), options));
        var summary = await step.RunAsync(new DailyContext(DigestWindow.Day(Day), store, new FixedClock(Now), TimeZoneInfo.Utc, _ => { }), CancellationToken.None);
        var found = Papers.Select(p => p.Paper).Where(p => store.Sql.Count(
            $"SELECT COUNT(*) FROM post_arxiv_links WHERE platform = 'x' AND arxiv_id = '{p.Value}'") > 0).ToList();
        return (summary, found, search.Served);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tenth_of_the_reads_finds_the_five_hot_papers_when_the_free_signal_orders_the_search(bool metadataStored)
    {
        var budget = TotalReads / 10;

        var (summary, found, served) = await RunXStep(withUpvotes: true, budget, metadataStored);

        Assert.Equal(340, TotalReads);
        Assert.True(served <= budget, $"{served} reads for a budget of {budget}");
        Assert.All(Hot, paper => Assert.Contains(paper, found));
        Assert.Contains($"budget: {served} of {budget} reads spent, 0 of 120 papers covered (20 with signal from other platforms searched first)", summary);
    }

    [Fact]
    public async Task In_crawl_order_the_same_budget_misses_them()
    {
        var (_, found, _) = await RunXStep(withUpvotes: false, TotalReads / 10);

        Assert.DoesNotContain(found, Hot.Contains);
    }

    [Fact]
    public async Task With_enough_budget_every_paper_is_covered_whatever_the_order()
    {
        var (summary, found, served) = await RunXStep(withUpvotes: true, 10_000);

        Assert.Equal(TotalReads, served);
        Assert.Equal(120, found.Count);
        Assert.Contains($"budget: {TotalReads} of 10000 reads spent, 120 of 120 papers covered", summary);
    }
}
