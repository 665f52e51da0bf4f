using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Tests.Daily;
using HotPapers.Testing;

namespace HotPapers.Tests.Pipeline;

/// <summary>
/// The daily job's arxiv step when the metadata API fails for good: the run stops with a one-line reason (it must not
/// record the step as done and write a post without those papers), keeps what it stored, and the next run completes.
/// </summary>
public sealed class ArxivStepTests
{
    private static readonly DigestWindow Day = DigestWindow.Day(new DateOnly(2021, 6, 10));

    [Fact]
    public async Task An_api_request_that_fails_after_its_retries_fails_the_step_and_the_next_run_completes_it()
    {
        using var fixture = new StoreFixture();
        var recorded = ReplayHandler.ReadDirectory(Path.Combine(OfflineDailyTests.ReplayDir, Day.FileStem));
        var failing = recorded.Select(e => IsApi(e) ? e with { Status = 503, Body = "Service Unavailable" } : e).ToList();
        Assert.Contains(failing, e => e.Status == 503);
        var options = new ArxivOptions { RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxRetries = 1 };
        var clock = new FixedClock(new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero));
        var context = new DailyContext(Day, fixture.Store, clock, TimeZoneInfo.Utc, _ => { });

        var failure = await Assert.ThrowsAsync<DailyStepFailedException>(() => Run(failing, options, context));
        Assert.Equal("arxiv", failure.Step);
        Assert.StartsWith("arxiv: ", failure.Message);
        Assert.Contains("HTTP 503", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.False(fixture.Store.Digests.CompletedSteps(Day).ContainsKey("arxiv"));

        var reports = await Run(recorded, options, context);
        Assert.False(reports.Single().Skipped);
        Assert.Equal(16, fixture.Store.LoadCandidates(Day, TimeZoneInfo.Utc).Papers.Count);
        Assert.True(fixture.Store.Digests.CompletedSteps(Day).ContainsKey("arxiv"));
    }

    private static bool IsApi(RecordedExchange exchange) => new Uri(exchange.Url).AbsolutePath == "/api/query";

    private static async Task<IReadOnlyList<StepReport>> Run(IEnumerable<RecordedExchange> exchanges, ArxivOptions options, DailyContext context)
    {
        using var http = new ReplayHandler(exchanges);
        var step = new ArxivStep(new ArxivHttp(http, options, context.Clock), options);
        return await new DailyJob([step]).RunAsync(context, CancellationToken.None);
    }
}
