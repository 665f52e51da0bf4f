using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Http;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Publishing;
using HotPapers.Social;

namespace HotPapers.Cli.Commands;

/// <summary>
/// The composition root of one daily run: which HTTP handler the clients get (the network, or recordings), and
/// which steps run in which order. The library's steps know nothing of settings or files; they are wired here.
/// </summary>
internal sealed class DailyRunSetup(Settings settings, PlatformRegistry platforms, bool offline, string? recordDir, DateOnly day, TimeProvider clock, TimeZoneInfo zone)
{
    public DigestWindow Window { get; } = DigestWindow.Day(day);

    public TimeProvider Clock => clock;

    public TimeZoneInfo Zone => zone;

    public required string ContentDir { get; init; }

    public bool Publish { get; init; }

    /// <summary>The sources this run collects and the platforms its post counts by default, with the reason (<see cref="DefaultSources"/>).</summary>
    public SourceChoice SourceChoice => _choice ??= DefaultSources.Choose(settings, offline, ReplayDir);

    private SourceChoice? _choice;

    private string ReplayDir => Path.Combine(settings.Get("Daily", "ReplayDir") ?? Path.Combine("samples", "replay"), Window.FileStem);

    /// <summary>
    /// One client per source over one inner handler (the network or the recordings, then the request counter), each
    /// with its source's resilience policy; arXiv's is built by <see cref="ArxivHttp"/> around the same inner handler.
    /// Offline the policies keep their retries but never wait, so a replay stays instant.
    /// </summary>
    public RunHttp CreateHttp(Action<string> log)
    {
        HttpMessageHandler handler;
        if (offline)
        {
            if (!Directory.Exists(ReplayDir))
                throw new DirectoryNotFoundException($"--offline: no recordings for {Window.DateStr} in {ReplayDir}");
            handler = new ReplayHandler(ReplayHandler.ReadDirectory(ReplayDir))
            {
                Latency = TimeSpan.FromMilliseconds(settings.Int("Daily", "ReplayDelayMs", 0)),
            };
        }
        else
        {
            handler = SourceHttp.Network();
        }
        if (recordDir is not null) handler = new RecordingHandler(Path.Combine(recordDir, Window.FileStem, "exchanges.jsonl"), handler);
        return new RunHttp(new RequestCounter(handler), log, offline);
    }

    public IReadOnlyList<IDailyStep> Steps(RunHttp http)
    {
        var classic = Classic();
        var services = new SourceServices(http.Client, settings, clock, zone, offline);
        var (arxivHttp, arxiv) = Arxiv(http);
        var steps = new List<IDailyStep> { new ArxivStep(arxivHttp, arxiv) };
        foreach (var platform in Sources())
            steps.Add(new SourceStep(platform.SourceName, platform.CreateSource(services)));
        // Metadata only for the listed papers the sources found posts about: only those can be shown.
        steps.Add(new MetadataStep(arxivHttp, arxiv));
        steps.Add(new MeasureStep(classic, MeasuringClock()));
        // Embeds are readied for the platforms the classic post shows, whichever sources ran today.
        var fetchers = classic.Platforms.Select(platforms.Platform)
            .Where(p => p.CreateEmbedFetcher is not null)
            .ToDictionary(p => p.Platform, p => p.CreateEmbedFetcher!(services));
        if (fetchers.Count > 0) steps.Add(new EmbedsStep(fetchers, classic, Embeds()));
        steps.Add(new WriteStep(ContentDir, new RenderOptions { Classic = classic }, Publish ? Publisher() : null, platforms));
        return steps;
    }

    /// <summary>
    /// Everything a run needs that can be checked without a request: the settings, the secrets of the sources it
    /// will use (each platform says what it needs), and where the post goes. Called before the lock, the store and the
    /// first request, so a run that would fail at a source or at publishing fails at once, before collecting arXiv.
    /// </summary>
    public void Preflight()
    {
        Classic();
        settings.Arxiv();
        Embeds();
        foreach (var platform in Sources())
            if (!offline && platform.MissingSecret?.Invoke(settings) is { } problem) throw new SettingsException(problem);
        if (Publish)
        {
            var repository = Path.GetFullPath(settings.Get("Publish", "RepositoryDir") ?? Directory.GetCurrentDirectory());
            var content = Path.GetFullPath(ContentDir);
            if (Path.GetRelativePath(repository, content) is var relative && (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)))
                throw new SettingsException($"--publish: the content dir {content} is not inside the blog repository {repository} (Publish:RepositoryDir)");
            if (!Directory.Exists(Path.Combine(repository, ".git")) && !File.Exists(Path.Combine(repository, ".git")))
                throw new SettingsException($"--publish: {repository} is not a git repository (Publish:RepositoryDir)");
        }
    }

    /// <summary>
    /// <c>Daily:Embeds</c>: <c>checked</c> (default) prints the presenters' local renderings once one oEmbed answer in
    /// the run has shown them equal to what the platform serves, and fetches every shown post when they differ;
    /// <c>oembed</c> asks each platform's oEmbed for each shown post once and caches it; <c>snapshot</c> makes no
    /// embed request at all (<see cref="EmbedMode"/>).
    /// </summary>
    private EmbedMode Embeds() => (settings.Get("Daily", "Embeds") ?? "checked").ToLowerInvariant() switch
    {
        "checked" => EmbedMode.Checked,
        "oembed" => EmbedMode.OEmbed,
        "snapshot" => EmbedMode.Snapshot,
        var other => throw new SettingsException($"{SettingsReading.Name("Daily", "Embeds")}: '{other}' is not checked, oembed or snapshot"),
    };

    /// <summary>The classic rules; <c>Classic:Platforms</c>, when unset, follows the sources chosen by default.</summary>
    private Ranking.ClassicOptions Classic() => settings.Classic(platforms, SourceChoice.ClassicPlatforms);

    /// <summary><c>Daily:Sources</c>: the social sources to collect, in order (default: <see cref="DefaultSources"/>).</summary>
    private List<SocialPlatform> Sources()
    {
        var names = SourceChoice.Sources;
        try
        {
            return names.Select(platforms.Source).Distinct().ToList();
        }
        catch (SettingsException e)
        {
            throw new SettingsException($"{SettingsReading.Name("Daily", "Sources")}: {e.Message}");
        }
    }

    /// <summary>Offline, recordings answer at once: arXiv's three-second spacing and back-off would only slow the replay down.</summary>
    private (ArxivHttp Http, ArxivOptions Options) Arxiv(RunHttp http)
    {
        var options = settings.Arxiv();
        if (offline) options = options.WithoutWaits();
        return (new ArxivHttp(http.Counter, options, clock) { Log = http.Log }, options);
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

/// <summary>
/// The run's HTTP clients, one per source with its policy, and the counter behind them all (arXiv builds its
/// client on <see cref="Counter"/> with its quiet-time gate); <see cref="Log"/> receives the retry lines.
/// </summary>
internal sealed class RunHttp(RequestCounter counter, Action<string> log, bool offline) : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public RequestCounter Counter => counter;

    public Action<string> Log => log;

    /// <summary>A client with a source's policy over the run's one inner handler; offline the policy retries without waiting.</summary>
    public HttpClient Client(SourceHttpOptions options)
    {
        var client = SourceHttpClient.Create(offline ? options.WithoutWaits() : options, counter, log);
        _clients.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        counter.Dispose();
    }
}
