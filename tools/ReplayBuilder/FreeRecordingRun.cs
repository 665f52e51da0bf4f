using HotPapers.Arxiv;
using HotPapers.Importing;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Social.HackerNews;
using HotPapers.Social.HuggingFace;
using HotPapers.Store;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// Records a seed day as a run without an X token would make it: arXiv as <see cref="FakeArxiv"/> serves it, then the
/// free sources (Hacker News, Hugging Face Daily Papers) as <see cref="FakeFreeSources"/> serves them, through the
/// real steps and clients. Writes <c>exchanges.jsonl</c>, <c>sources.txt</c> (the sources an offline run replays)
/// and the post the run wrote, <c>expected---Hot-Papers.md</c>, which the offline test compares byte for byte.
/// </summary>
public static class FreeRecordingRun
{
    public const string Sources = "hn,hf";

    public static async Task<string> RecordAsync(string seedPath, string outDir, DateTimeOffset now, CancellationToken ct = default)
    {
        var seed = HotPapersPostParser.Parse(Path.GetFileName(seedPath), await File.ReadAllTextAsync(seedPath, ct));
        var world = SeedWorld.From(seed);
        var dir = Path.Combine(outDir, seed.Window.FileStem);
        Directory.CreateDirectory(dir);
        var exchanges = Path.Combine(dir, RecordingRun.ExchangesFile);
        File.Delete(exchanges);
        await File.WriteAllTextAsync(Path.Combine(dir, "sources.txt"), Sources + "\n", ct);

        var work = Directory.CreateTempSubdirectory("replay-builder-free-").FullName;
        try
        {
            using var recorder = new RecordingHandler(exchanges, new Servers(world));
            using var http = new HttpClient(recorder, disposeHandler: false);
            var zone = TimeZoneInfo.Utc;
            var clock = new FixedClock(now);
            var arxiv = new ArxivOptions { RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxRetries = 0 };
            var classic = new ClassicOptions { Platforms = [HackerNewsPlatform.Name, HuggingFacePlatform.Name] };
            var write = new WriteStep(Path.Combine(work, "posts"), new RenderOptions { Classic = classic }, platforms: PlatformRegistry.Default);
            var arxivHttp = new ArxivHttp(recorder, arxiv, clock);
            List<IDailyStep> steps =
            [
                new ArxivStep(arxivHttp, arxiv),
                new SourceStep("hn", new HackerNewsSource(http, new HackerNewsOptions())),
                new SourceStep("hf", new HuggingFaceSource(http, new HuggingFaceOptions())),
                new MetadataStep(arxivHttp, arxiv),
                new MeasureStep(classic),
                write,
            ];
            using (var store = HotPapersStore.Open(Path.Combine(work, "hotpapers.db")))
                await new DailyJob(steps).RunAsync(new DailyContext(seed.Window, store, clock, zone, _ => { }), ct);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var post = Path.Combine(dir, "expected---Hot-Papers.md");
            File.Copy(write.WrittenPath!, post, overwrite: true);
            return post;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Servers(SeedWorld world) : HttpMessageHandler
    {
        private readonly FakeArxiv _arxiv = new(world);
        private readonly FakeFreeSources _free = new(world);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(_arxiv.Answer(request.RequestUri!) ?? _free.Answer(request.RequestUri!)
                ?? throw new InvalidOperationException($"the replay builder has no answer for {request.Method} {request.RequestUri}"));
    }
}
