using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.HuggingFace;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.HuggingFace;

/// <summary>The Daily Papers source against a local server answering with the recorded (assembled) day.</summary>
public sealed class HuggingFaceSourceTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2024, 1, 9);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Reply DailyPapers(RecordedRequest request) => request.PathAndQuery switch
    {
        "/api/daily_papers?date=2024-01-09" => new Reply(200, TestData.Read("huggingface", "daily_papers-2024-01-09.json")),
        "/api/daily_papers?date=2024-01-10" => new Reply(200, "[]"),
        _ => new Reply(404, """{"error":"unexpected request"}"""),
    };

    private static async Task<string> Collect(LocalHttpServer server, HotPapersStore store, DigestWindow? window = null)
    {
        using var http = new HttpClient();
        var options = new HuggingFaceOptions { ApiBaseUrl = server.BaseUrl };
        var request = new SourceRequest(window ?? DigestWindow.Day(Day), [], store, new FixedClock(Now), TimeZoneInfo.Utc, _ => { });
        return await new HuggingFaceSource(http, options).CollectAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task Each_arxiv_entry_of_the_day_becomes_a_post_by_its_submitter_with_upvotes_as_likes()
    {
        await using var server = new LocalHttpServer(DailyPapers);
        using var temp = new TempStore();
        using var store = temp.Open();

        var summary = await Collect(server, store);

        Assert.Equal(["/api/daily_papers?date=2024-01-09"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("2024-01-09: 4 daily papers, 3 arXiv papers stored with their upvotes, 1 skipped (no arXiv id)", summary);
        var mixtral = store.LoadPost("huggingface", "2401.04088@2024-01-09")!;
        Assert.Equal("Mixtral of Experts\nhttps://huggingface.co/papers/2401.04088", mixtral.Text);
        Assert.Equal(("akhaliq", "AK"), (mixtral.AuthorHandle, mixtral.AuthorName));
        Assert.Equal(new DateTimeOffset(2024, 1, 9, 1, 37, 46, 362, TimeSpan.Zero), mixtral.CreatedAt);
        Assert.Equal(new PostEntity(EntityKind.Url, 19, 59, "https://huggingface.co/papers/2401.04088"), Assert.Single(mixtral.Entities));
        Assert.Equal(new EngagementSnapshot("huggingface", "2401.04088@2024-01-09", 0, 145, Now), store.LoadLatestSnapshot("huggingface", "2401.04088@2024-01-09"));
        Assert.Equal(["2401.04088"], store.LoadArxivLinks("huggingface", "2401.04088@2024-01-09"));

        var anonymous = store.LoadPost("huggingface", "2401.03955@2024-01-09")!;
        Assert.Equal("", anonymous.AuthorHandle);
        Assert.Equal(9, store.LoadLatestSnapshot("huggingface", "2401.03955@2024-01-09")!.Likes);
        Assert.Equal(3, store.CountRows("social_posts"));
    }

    [Fact]
    public async Task A_rerun_adds_nothing_and_a_known_paper_gets_the_upvotes_as_its_likes()
    {
        await using var server = new LocalHttpServer(DailyPapers);
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write(tx => tx.Papers.Upsert(new Paper(ArxivId.Parse("2401.04088"), "Mixtral of Experts", ["A. Jiang"], [new Subject("cs.LG")],
            "We introduce Mixtral.", "https://arxiv.org/abs/2401.04088", "https://arxiv.org/pdf/2401.04088", Day, 1)));

        await Collect(server, store);
        var first = store.RowCounts();
        await Collect(server, store);

        Assert.Equal(first, store.RowCounts());
        var paper = Assert.Single(store.LoadCandidates(DigestWindow.Day(Day), TimeZoneInfo.Utc).Papers);
        Assert.Equal((0, 145), (paper.Reposts, paper.Likes));
    }

    [Fact]
    public async Task A_window_asks_once_per_day()
    {
        await using var server = new LocalHttpServer(DailyPapers);
        using var temp = new TempStore();
        using var store = temp.Open();

        await Collect(server, store, new DigestWindow(Day, Day.AddDays(1)));

        Assert.Equal(["/api/daily_papers?date=2024-01-09", "/api/daily_papers?date=2024-01-10"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task A_server_error_or_a_bad_answer_names_the_request()
    {
        await using var failing = new LocalHttpServer(_ => new Reply(503, "busy", ContentType: "text/plain"));
        await using var garbled = new LocalHttpServer(_ => new Reply(200, """{"error":"not a list"}"""));
        using var temp = new TempStore();
        using var store = temp.Open();

        var error = await Assert.ThrowsAsync<HuggingFaceApiException>(() => Collect(failing, store));
        var bad = await Assert.ThrowsAsync<HuggingFaceApiException>(() => Collect(garbled, store));

        Assert.Equal($"GET http://127.0.0.1:{failing.Port}/api/daily_papers?date=2024-01-09: HTTP 503", error.Message);
        Assert.StartsWith($"GET http://127.0.0.1:{garbled.Port}/api/daily_papers?date=2024-01-09: the answer is not a JSON array", bad.Message);
        Assert.Equal(0, store.CountRows("social_posts"));
    }

    [Fact]
    public void The_embed_is_one_escaped_line_linking_the_paper_page_and_never_a_tweet()
    {
        var presenter = new HuggingFacePresenter();
        var post = new SocialPost("huggingface", "2401.03955@2024-01-09", "a<b", "a<b", new DateTimeOffset(2024, 1, 9, 4, 50, 0, TimeSpan.Zero), "en", "ltr",
            "Tiny <Enhanced> & More\nhttps://huggingface.co/papers/2401.03955", []);
        using var temp = new TempStore();
        using var store = temp.Open();

        var html = presenter.RenderEmbed(post, new PresentContext(store, TimeZoneInfo.Utc));

        Assert.Equal("<blockquote class=\"huggingface-paper\"><p><a href=\"https://huggingface.co/papers/2401.03955\">Tiny &lt;Enhanced&gt; &amp; More</a></p>&mdash; "
            + "submitted by a&lt;b to Hugging Face Daily Papers, January 9, 2024</blockquote>", html);
        Assert.Equal("https://huggingface.co/papers/2401.03955", presenter.Permalink(post));
        Assert.Equal(new EngagementLabels(null, "upvotes"), presenter.Labels);
        Assert.Same(presenter.GetType(), PlatformRegistry.Default.Presenter("huggingface").GetType());
        Assert.Equal("huggingface", PlatformRegistry.Default.Source("hf").Platform);
    }
}
