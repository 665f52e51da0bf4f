using System.Globalization;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// Records one seed day: the daily job's real steps and clients run against <see cref="FakeArxiv"/> and
/// <see cref="FakeX"/> through a <see cref="RecordingHandler"/>, so the recording holds exactly the requests an
/// offline <c>hotpapers daily</c> will make. The post written on the way must equal the seed byte for byte.
/// </summary>
public static class RecordingRun
{
    public sealed record Result(string Directory, int Exchanges, int Posts, int Fillers, bool Identical, string? FirstDifference);

    /// <summary>The files of one day's recording, under <c>&lt;outDir&gt;/&lt;date&gt;/</c>.</summary>
    public const string ExchangesFile = "exchanges.jsonl";
    public const string ClockFile = "measure-clock.txt";

    public static async Task<Result> RecordAsync(string seedPath, string outDir, CancellationToken ct = default)
    {
        var seed = HotPapersPostParser.Parse(Path.GetFileName(seedPath), await File.ReadAllTextAsync(seedPath, ct));
        var world = SeedWorld.From(seed);
        var dir = Path.Combine(outDir, seed.Window.FileStem);
        Directory.CreateDirectory(dir);
        var exchanges = Path.Combine(dir, ExchangesFile);
        File.Delete(exchanges);
        var times = world.MeasureTimes.ToList();
        await File.WriteAllLinesAsync(Path.Combine(dir, ClockFile),
            times.Select(t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)), ct);

        using var recorder = new RecordingHandler(exchanges, new FakeServers(world));
        var written = await RunDailyAsync(world, recorder, new XOptions { BearerToken = "recording" }, times, ct);
        var expected = await File.ReadAllTextAsync(seedPath, ct);
        return new Result(dir, File.ReadLines(exchanges).Count(), world.Posts.Count, world.Posts.Count(p => p.IsFiller),
            written == expected, written == expected ? null : FirstDifference(expected, written));
    }

    /// <summary>Requests per host that one daily run makes for <paramref name="world"/> (the request benchmark).</summary>
    public static async Task<(IReadOnlyDictionary<string, int> ByHost, string Post)> CountRequestsAsync(SeedWorld world, XOptions x, EmbedMode embeds, CancellationToken ct = default)
    {
        using var counter = new RequestCounter(new FakeServers(world));
        var post = await RunDailyAsync(world, counter, x, world.MeasureTimes.ToList(), ct, embeds);
        return (counter.ByService, post);
    }

    /// <summary>The daily job's steps, as <c>hotpapers daily --offline</c> composes them, on a scratch store; returns the post.</summary>
    private static async Task<string> RunDailyAsync(SeedWorld world, HttpMessageHandler handler, XOptions x, List<DateTime> measureTimes, CancellationToken ct, EmbedMode embeds = EmbedMode.OEmbed)
    {
        using var http = new HttpClient(handler, disposeHandler: false);
        var work = Directory.CreateTempSubdirectory("replay-builder-").FullName;
        try
        {
            var zone = TimeZoneInfo.Utc;
            var clock = new FixedClock(new DateTimeOffset(world.Seed.GeneratedAt, TimeSpan.Zero));
            var arxiv = new ArxivOptions { RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxRetries = 0 };
            var write = new WriteStep(Path.Combine(work, "posts"), new RenderOptions { Classic = new ClassicOptions() });
            var measured = new RecordedClock(measureTimes.Select(t => new DateTimeOffset(t, TimeSpan.Zero)).ToList());
            var steps = XDaySteps.Create(new ArxivHttp(handler, arxiv, clock), arxiv, http, x, measured, embeds);
            steps.Add(write);
            using (var store = HotPapersStore.Open(Path.Combine(work, "hotpapers.db")))
            {
                var context = new DailyContext(world.Seed.Window, store, clock, zone, _ => { });
                await new DailyJob(steps).RunAsync(context, ct);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return await File.ReadAllTextAsync(write.WrittenPath!, ct);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}:\n  seed:     {el}\n  recorded: {al}";
        }
        return "same lines, different bytes";
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FakeServers(SeedWorld world) : HttpMessageHandler
    {
        private readonly FakeArxiv _arxiv = new(world);
        private readonly FakeX _x = new(world);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!;
            var answer = _arxiv.Answer(url) ?? _x.Answer(url)
                ?? throw new InvalidOperationException($"the replay builder has no answer for {request.Method} {url}");
            return Task.FromResult(answer);
        }
    }
}
