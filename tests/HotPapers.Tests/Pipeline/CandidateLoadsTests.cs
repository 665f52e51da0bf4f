using System.Globalization;
using HotPapers.Arxiv;
using HotPapers.Domain;
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
/// Issue 14: a daily run reads the window's candidates (every post with its snapshots) once, not once per step:
/// measure loads, and what measure and embeds store is patched into that load, so write and the summary need none;
/// sources load none. The post stays the seed's bytes, with oEmbed fetched or with local snapshots.
/// </summary>
public sealed class CandidateLoadsTests
{
    private const string Date = "2021-06-10";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<(CandidateCache Cache, string Post)> RunSeedDay(string work, EmbedMode embeds)
    {
        var replay = Path.Combine(OfflineDailyTests.ReplayDir, Date);
        using var replayer = new ReplayHandler(ReplayHandler.ReadDirectory(replay));
        using var http = new HttpClient(replayer, disposeHandler: false);
        var zone = TimeZoneInfo.Utc;
        var generatedAt = DateTime.ParseExact(OfflineDailyTests.GeneratedAt(Date), "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var clock = new FixedClock(new DateTimeOffset(generatedAt, TimeSpan.Zero));
        var arxiv = new ArxivOptions { RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxRetries = 0 };
        var x = new XOptions { BearerToken = "offline-replay" };
        var write = new WriteStep(Path.Combine(work, "posts"), new RenderOptions { Classic = new ClassicOptions() });
        var measured = RecordedClock.FromFile(Path.Combine(replay, "measure-clock.txt"), zone);
        var steps = XDaySteps.Create(new ArxivHttp(replayer, arxiv, clock), arxiv, http, x, measured, embeds);
        steps.Add(write);
        using var store = HotPapersStore.Open(Path.Combine(work, "hotpapers.db"));
        var context = new DailyContext(DigestWindow.Day(DateOnly.Parse(Date, CultureInfo.InvariantCulture)), store, clock, zone, _ => { });
        await new DailyJob(steps).RunAsync(context, CancellationToken.None);
        return (context.Candidates, await File.ReadAllTextAsync(write.WrittenPath!));
    }

    [Theory]
    [InlineData(EmbedMode.Checked)]
    [InlineData(EmbedMode.OEmbed)]
    [InlineData(EmbedMode.Snapshot)]
    public async Task The_seed_day_loads_its_candidates_once_and_writes_the_seed(EmbedMode embeds)
    {
        using var dir = new TempDirectory();

        var (cache, post) = await RunSeedDay(dir.Path, embeds);

        Assert.Equal(1, cache.Loads);
        Golden.AssertSameText(Seeds.Text(Date), post, $"daily {Date} with one load per stage");
    }
}
