using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Testing;

namespace HotPapers.Tests.Pipeline;

public class DailyJobTests
{
    private static readonly DigestWindow Day = DigestWindow.Day(new DateOnly(2021, 6, 10));

    [Fact]
    public async Task A_finished_step_is_not_run_again_but_the_post_is_always_written()
    {
        using var fixture = new StoreFixture();
        var collect = new CountingStep("collect", ctx =>
        {
            ctx.Store.Write(tx => tx.Papers.Upsert(new Paper(ArxivId.Parse("2106.05999"), "A paper", ["A. Author"], [new Subject("cs.LG")],
                "Abstract.", "https://arxiv.org/abs/2106.05999", "https://arxiv.org/pdf/2106.05999", Day.Start, 1)));
        });
        var content = fixture.Dir.File("content");
        var job = new DailyJob([collect, new MeasureStep(new ClassicOptions { PaperThreshold = 0 }), new WriteStep(content, new RenderOptions { Classic = new ClassicOptions { PaperThreshold = 0 } })]);
        var clock = new FixedClock(new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero));
        var context = new DailyContext(Day, fixture.Store, clock, TimeZoneInfo.Utc, _ => { });

        await job.RunAsync(context, CancellationToken.None);
        var post = Path.Combine(content, "2021-06-10---Hot-Papers.md");
        var first = File.ReadAllText(post);
        Assert.Contains("# 1. A paper", first);
        Assert.Contains("date: 2021-06-11T09:50:30.Z", first);

        File.Delete(post);
        var later = context with { Clock = new FixedClock(new DateTimeOffset(2021, 6, 12, 0, 0, 0, TimeSpan.Zero)) };
        var reports = await job.RunAsync(later, CancellationToken.None);
        Assert.Equal(1, collect.Runs);
        Assert.Equal([true, true, false], reports.Select(r => r.Skipped));
        Assert.Equal(first, File.ReadAllText(post)); // same generation and measuring times as the first run
    }

    [Fact]
    public async Task An_empty_listing_writes_no_file_and_says_so()
    {
        using var fixture = new StoreFixture();
        var content = fixture.Dir.File("content");
        var write = new WriteStep(content, new RenderOptions());
        var reports = await new DailyJob([write]).RunAsync(new DailyContext(Day, fixture.Store, TimeProvider.System, TimeZoneInfo.Utc, _ => { }), CancellationToken.None);
        Assert.Equal("no papers were announced for 2021-06-10: no post written", reports.Single().Summary);
        Assert.False(Directory.Exists(content));
    }

    private sealed class CountingStep(string name, Action<DailyContext> work) : IDailyStep
    {
        public int Runs { get; private set; }

        public string Name => name;

        public Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
        {
            Runs++;
            work(context);
            return Task.FromResult("ok");
        }
    }
}
