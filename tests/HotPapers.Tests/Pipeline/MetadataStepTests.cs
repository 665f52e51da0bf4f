using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.ReplayBuilder;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Store;
using HotPapers.Tests.Daily;
using HotPapers.Testing;

namespace HotPapers.Tests.Pipeline;

/// <summary>
/// Issue 14: the daily job lists the day (<c>arxiv</c>), searches the social sources for every listed paper, and only
/// then asks the metadata API (<c>metadata</c>) for the listed papers someone posted about. When the API fails for
/// good the run stops with a one-line reason (it must not record the step as done and write a post without those
/// papers), keeps what it stored, and the next run completes it; a run killed between steps resumes where it stopped.
/// </summary>
public sealed class MetadataStepTests
{
    private const string Date = "2021-06-10";
    private static readonly DigestWindow Day = DigestWindow.Day(new DateOnly(2021, 6, 10));
    private static readonly ArxivOptions Options = new() { RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxRetries = 1 };

    [Fact]
    public async Task A_day_of_800_listed_papers_of_which_16_have_posts_makes_one_api_request_for_exactly_those()
    {
        using var fixture = new StoreFixture();
        var seed = HotPapersPostParser.Parse(Path.GetFileName(Seeds.PathOf(Date)), Seeds.Text(Date));
        var world = SeedWorld.From(seed);
        var discussed = world.Papers.Select(p => p.Paper.Id.Value).ToList(); // every seed paper has posts, in crawl order
        world = world.WithQuietPapers(800 - world.Papers.Count);
        using var servers = new WorldServers(world);
        using var http = new HttpClient(servers, disposeHandler: false);

        var (reports, post) = await RunDay(fixture.Store, Steps(servers, http));

        var api = servers.Urls.Where(u => u.AbsolutePath == "/api/query").ToList();
        var request = Assert.Single(api);
        Assert.Equal(discussed, FakeArxiv.Query(request)["id_list"].Split(','));
        Assert.Equal(800, fixture.Store.CountRows("listed_papers"));
        Assert.Equal(discussed.Count, fixture.Store.CountRows("papers"));
        Assert.Equal(discussed.Count, fixture.Store.CountRows("announcements"));
        Assert.Equal(discussed.Select((id, i) => (id, i + 1)),
            fixture.Store.LoadAnnouncements(Day.Start).Select(a => (a.Id.Value, a.CrawlOrder)));
        Assert.Contains(reports, r => r.Step == "metadata"
            && r.Summary == "16 papers with posts to fetch, 16 fetched in 1 API requests, 0 without metadata; 784 without posts not fetched");
        Golden.AssertSameBytes(Seeds.Bytes(Date), post, "post of the padded day");
    }

    [Fact]
    public async Task An_api_request_that_fails_after_its_retries_fails_the_step_and_the_next_run_completes_it()
    {
        using var fixture = new StoreFixture();
        var recorded = ReplayHandler.ReadDirectory(Path.Combine(OfflineDailyTests.ReplayDir, Day.FileStem));
        var failing = recorded.Select(e => IsApi(e) ? e with { Status = 503, Body = "Service Unavailable" } : e).ToList();
        Assert.Contains(failing, e => e.Status == 503);
        var context = Context(fixture.Store);

        var failure = await Assert.ThrowsAsync<DailyStepFailedException>(() => RunReplay(failing, context));
        Assert.Equal("metadata", failure.Step);
        Assert.StartsWith("metadata: ", failure.Message);
        Assert.Contains("HTTP 503", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
        var done = fixture.Store.Digests.CompletedSteps(Day);
        Assert.Equal(["arxiv", "x"], done.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, fixture.Store.CountRows("papers"));
        Assert.Equal("failed", fixture.Store.LoadArxivFetch(ArxivId.Parse("2106.04612"))?.Status);

        var reports = await RunReplay(recorded, context);
        Assert.Equal([true, true, false], reports.Select(r => r.Skipped));
        Assert.Equal(16, fixture.Store.LoadCandidates(Day, TimeZoneInfo.Utc).Papers.Count);
        Assert.True(fixture.Store.Digests.CompletedSteps(Day).ContainsKey("metadata"));
    }

    [Fact]
    public async Task Killed_after_the_sources_the_rerun_skips_them_fetches_the_metadata_and_writes_the_seed()
    {
        using var fixture = new StoreFixture();
        var world = SeedWorld.From(HotPapersPostParser.Parse(Path.GetFileName(Seeds.PathOf(Date)), Seeds.Text(Date)));
        using var servers = new WorldServers(world);
        using var http = new HttpClient(servers, disposeHandler: false);
        var steps = Steps(servers, http);
        // The first run dies once x is recorded: arxiv and x are done, nothing has metadata yet.
        await new DailyJob(steps.Take(2).ToList()).RunAsync(Context(fixture.Store), CancellationToken.None);
        Assert.Equal(0, fixture.Store.CountRows("papers"));
        Assert.Equal(16, fixture.Store.CountRows("listed_papers"));
        var before = servers.Urls.Count;

        var (reports, post) = await RunDay(fixture.Store, steps);

        Assert.Equal(["arxiv", "x"], reports.Where(r => r.Skipped).Select(r => r.Step));
        Assert.Equal(["/api/query"], servers.Urls.Skip(before).Select(u => u.AbsolutePath)); // snapshot embeds: nothing else to ask
        Golden.AssertSameBytes(Seeds.Bytes(Date), post, "post after a kill between x and metadata");
    }

    [Fact]
    public async Task Listing_a_day_again_announces_the_papers_already_held_and_leaves_nothing_to_fetch()
    {
        using var fixture = new StoreFixture();
        var recorded = ReplayHandler.ReadDirectory(Path.Combine(OfflineDailyTests.ReplayDir, Day.FileStem));
        await RunReplay(recorded, Context(fixture.Store));

        using var listingOnly = new ReplayHandler(recorded.Where(e => !IsApi(e)));
        var arxivHttp = new ArxivHttp(listingOnly, Options, Context(fixture.Store).Clock);
        var listing = await new ArxivCollector(fixture.Store, AnnouncementSource.Create(AnnouncementSourceKind.Listing, arxivHttp, Options),
            new ArxivApiClient(arxivHttp, Options), Options, TimeProvider.System).ListAsync(Day.Start, refetch: false, CancellationToken.None);

        Assert.Equal(16, listing.AlreadyHeld);
        Assert.Empty(listing.ToFetch);
        Assert.Empty(fixture.Store.Papers.ListedWithoutMetadata(Day.Start));
        Assert.Equal(16, fixture.Store.CountRows("announcements"));
    }

    private static bool IsApi(RecordedExchange exchange) => new Uri(exchange.Url).AbsolutePath == "/api/query";

    private static DailyContext Context(HotPapersStore store) =>
        new(Day, store, new FixedClock(new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero)), TimeZoneInfo.Utc, _ => { });

    /// <summary>The first three steps of a daily run over the recordings: arxiv, x, metadata.</summary>
    private static async Task<IReadOnlyList<StepReport>> RunReplay(IEnumerable<RecordedExchange> exchanges, DailyContext context)
    {
        using var replay = new ReplayHandler(exchanges);
        using var http = new HttpClient(replay, disposeHandler: false);
        var arxivHttp = new ArxivHttp(replay, Options, context.Clock);
        var x = new XOptions { BearerToken = "offline-replay" };
        return await new DailyJob([new ArxivStep(arxivHttp, Options), new SourceStep("x", new XSource(http, x)), new MetadataStep(arxivHttp, Options)])
            .RunAsync(context, CancellationToken.None);
    }

    /// <summary>
    /// The steps of a daily run with X before writing, as the CLI composes them, with snapshot embeds (no oEmbed
    /// request) and the measuring clock the seed was measured at.
    /// </summary>
    private static List<IDailyStep> Steps(WorldServers servers, HttpClient http)
    {
        var measured = new RecordedClock(servers.World.MeasureTimes.Select(t => new DateTimeOffset(t, TimeSpan.Zero)).ToList());
        return XDaySteps.Create(new ArxivHttp(servers, Options, TimeProvider.System), Options, http, new XOptions { BearerToken = "test" }, measured, EmbedMode.Snapshot);
    }

    private static async Task<(IReadOnlyList<StepReport> Reports, byte[] Post)> RunDay(HotPapersStore store, List<IDailyStep> steps)
    {
        using var posts = new TempDirectory();
        var write = new WriteStep(posts.Path, new RenderOptions { Classic = new ClassicOptions() });
        var reports = await new DailyJob([.. steps, write]).RunAsync(Context(store), CancellationToken.None);
        return (reports, await File.ReadAllBytesAsync(write.WrittenPath!));
    }

    /// <summary>arXiv and X as the replay builder fakes them for a seed world, noting every URL asked for.</summary>
    private sealed class WorldServers(SeedWorld world) : HttpMessageHandler
    {
        private readonly FakeArxiv _arxiv = new(world);
        private readonly FakeX _x = new(world);

        public SeedWorld World => world;

        public List<Uri> Urls { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!;
            lock (Urls) Urls.Add(url);
            return Task.FromResult(_arxiv.Answer(url) ?? _x.Answer(url) ?? throw new InvalidOperationException($"no answer for {url}"));
        }
    }
}
