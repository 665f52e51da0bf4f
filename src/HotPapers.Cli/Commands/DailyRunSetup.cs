using System.Net;
using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Publishing;
using HotPapers.Ranking;

namespace HotPapers.Cli.Commands;

/// <summary>
/// The composition root of one daily run: which HTTP handler the clients get (the network, or recordings), and
/// which steps run in which order. The library's steps know nothing of settings or files; they are wired here.
/// </summary>
internal sealed class DailyRunSetup(Settings settings, bool offline, string? recordDir, DateOnly day, TimeProvider clock, TimeZoneInfo zone)
{
    public DigestWindow Window { get; } = DigestWindow.Day(day);

    public TimeProvider Clock => clock;

    public TimeZoneInfo Zone => zone;

    public required string ContentDir { get; init; }

    public bool Publish { get; init; }

    private string ReplayDir => Path.Combine(settings.Get("Daily", "ReplayDir") ?? Path.Combine("samples", "replay"), Window.FileStem);

    public RunHttp CreateHttp()
    {
        HttpMessageHandler handler;
        if (offline)
        {
            if (!Directory.Exists(ReplayDir))
                throw new DirectoryNotFoundException($"--offline: no recordings for {Window.DateStr} in {ReplayDir}");
            handler = ReplayHandler.FromDirectory(ReplayDir);
        }
        else
        {
            handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        }
        if (recordDir is not null) handler = new RecordingHandler(Path.Combine(recordDir, Window.FileStem, "exchanges.jsonl"), handler);
        var counter = new RequestCounter(handler);
        var client = new HttpClient(counter) { Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("hotpapers/1.0 (+https://github.com/hotpapers)");
        return new RunHttp(client, counter);
    }

    public IReadOnlyList<IDailyStep> Steps(HttpClient http)
    {
        var classic = new ClassicOptions
        {
            PaperThreshold = settings.Int("Classic", "PaperThreshold", new ClassicOptions().PaperThreshold),
            PostThreshold = settings.Int("Classic", "PostThreshold", new ClassicOptions().PostThreshold),
            MaxPosts = settings.Int("Classic", "MaxPosts", new ClassicOptions().MaxPosts),
        };
        var steps = new List<IDailyStep>();
        steps.Add(new MeasureStep(classic, MeasuringClock()));
        steps.Add(new WriteStep(ContentDir, new RenderOptions { Classic = classic }, Publish ? Publisher() : null));
        return steps;
    }

    /// <summary>
    /// Offline, a recording may hold the times the original run read its clock while measuring each paper
    /// (<c>measure-clock.txt</c>, one ISO time per line); replaying them reproduces its stats lines exactly.
    /// </summary>
    private TimeProvider? MeasuringClock()
    {
        var file = Path.Combine(ReplayDir, "measure-clock.txt");
        return offline && File.Exists(file) ? RecordedClock.FromFile(file, zone) : null;
    }

    private GitPublisher Publisher() => new(new GitPublishOptions
    {
        RepositoryDir = settings.Get("Publish", "RepositoryDir") ?? Directory.GetCurrentDirectory(),
        Remote = settings.Get("Publish", "Remote") ?? "origin",
        Branch = settings.Get("Publish", "Branch") ?? "master",
        Token = settings.Get("Publish", "Token"),
    });
}

/// <summary>The run's HTTP client and the counter behind it.</summary>
internal sealed record RunHttp(HttpClient Client, RequestCounter Counter) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
