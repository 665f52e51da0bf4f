using System.Net;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Pipeline.Replay;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Social.Bluesky;
using HotPapers.Social.HackerNews;
using HotPapers.Social.X;

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
            handler = new ReplayHandler(ReplayHandler.ReadDirectory(ReplayDir))
            {
                Latency = TimeSpan.FromMilliseconds(settings.Int("Daily", "ReplayDelayMs", 0)),
            };
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
        var sources = Sources();
        var steps = new List<IDailyStep> { Arxiv(http) };
        foreach (var source in sources)
        {
            steps.Add(source switch
            {
                "x" => new XSearchStep(http, X()),
                "bluesky" => Bluesky(http),
                _ => HackerNews(http),
            });
        }
        steps.Add(new MeasureStep(classic, MeasuringClock()));
        if (sources.Contains("x") && FetchesOEmbed()) steps.Add(new EmbedsStep(http, X(), classic));
        steps.Add(new WriteStep(ContentDir, new RenderOptions { Classic = classic }, Publish ? Publisher() : null));
        return steps;
    }

    public static readonly string[] KnownSources = ["x", "bluesky", "hn"];

    /// <summary>
    /// Everything a run needs that can be checked without a request: the settings, the secrets of the sources it
    /// will use, and where the post goes. Called before the first request, so a run that would fail at its X step
    /// or at publishing fails at once, before collecting arXiv (issue 13).
    /// </summary>
    public void Preflight()
    {
        var sources = Sources();
        FetchesOEmbed();
        if (!offline && sources.Contains("x") && string.IsNullOrEmpty(settings.X().BearerToken))
            throw new SettingsException("X:BearerToken is not set (HOTPAPERS_X__BearerToken): the x source needs it; set it, run --offline, or leave x out of Daily:Sources");
        if (!offline && sources.Contains("bluesky") && settings.Bluesky() is { } bluesky && (string.IsNullOrEmpty(bluesky.Handle) || string.IsNullOrEmpty(bluesky.AppPassword)))
            throw new SettingsException("the bluesky source needs an account: set Bluesky:Handle and Bluesky:AppPassword (HOTPAPERS_Bluesky__Handle, HOTPAPERS_Bluesky__AppPassword)");
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
    /// <c>Daily:Embeds</c>: <c>oembed</c> (default) asks X's oEmbed for each shown post once and caches it;
    /// <c>snapshot</c> makes no embed request at all and prints the local renderer's HTML, which equals oEmbed's for
    /// posts whose text and entities are known (every seed embed), cutting a run's requests by about a third.
    /// </summary>
    private bool FetchesOEmbed() => (settings.Get("Daily", "Embeds") ?? "oembed").ToLowerInvariant() switch
    {
        "oembed" => true,
        "snapshot" => false,
        var other => throw new SettingsException($"Daily:Embeds (HOTPAPERS_Daily__Embeds): '{other}' is not oembed or snapshot"),
    };

    /// <summary><c>Daily:Sources</c>: the social sources to collect, in order (default <c>x</c>, the classic post's only one).</summary>
    private List<string> Sources()
    {
        var sources = settings.List("Daily", "Sources")?.Select(s => s.ToLowerInvariant()).Distinct().ToList() ?? ["x"];
        foreach (var unknown in sources.Where(s => !KnownSources.Contains(s)))
            throw new SettingsException($"Daily:Sources (HOTPAPERS_Daily__Sources): '{unknown}' is not one of {string.Join(", ", KnownSources)}");
        return sources;
    }

    /// <summary>Offline, recordings answer at once: arXiv's three-second spacing would only slow the replay down.</summary>
    private ArxivStep Arxiv(HttpClient http)
    {
        var options = settings.Arxiv();
        if (offline) options = options with { RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxRetries = 0 };
        return new ArxivStep(new ArxivHttp(http, options, clock), options);
    }

    /// <summary>Offline no token is needed (the recordings ignore it); one is made up so the client can be built.</summary>
    private XOptions X()
    {
        var options = settings.X();
        return offline && string.IsNullOrEmpty(options.BearerToken)
            ? new XOptions
            {
                ApiBaseUrl = options.ApiBaseUrl, OEmbedUrl = options.OEmbedUrl, BearerToken = "offline-replay",
                ReadBudget = options.ReadBudget, MaxQueryLength = options.MaxQueryLength, MaxResults = options.MaxResults,
                MaxRateLimitWaits = options.MaxRateLimitWaits, MaxRateLimitWait = options.MaxRateLimitWait, RequestTimeout = options.RequestTimeout,
            }
            : options;
    }

    private SocialDayStep Bluesky(HttpClient http) => new("bluesky",
        async (day, context, ct) =>
        {
            var result = await new BlueskyCollector(context.Store, http, settings.Bluesky(), context.Clock, context.Zone).CollectDayAsync(day, ct, context.Log);
            return $"{day:yyyy-MM-dd}: {result.PostsSeen} posts seen, {result.PostsKept} linking arXiv";
        },
        e => e is BlueskyApiException or HttpRequestException or TaskCanceledException);

    private SocialDayStep HackerNews(HttpClient http) => new("hn",
        async (day, context, ct) =>
        {
            var result = await new HackerNewsCollector(context.Store, http, settings.HackerNews(), context.Clock).CollectDayAsync(day, ct, context.Log);
            return $"{day:yyyy-MM-dd}: {result.Hits} hits, {result.StoriesKept} stories linking arXiv";
        },
        e => e is HackerNewsApiException or HttpRequestException or TaskCanceledException);

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
