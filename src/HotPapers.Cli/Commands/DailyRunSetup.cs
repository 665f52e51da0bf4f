using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Http;
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
        var counter = new RequestCounter(handler);
        HttpClient Client(SourceHttpOptions options) => SourceHttpClient.Create(offline ? options.WithoutWaits() : options, counter, log);
        return new RunHttp(counter, log, Client(settings.XHttp()), Client(settings.BlueskyHttp()), Client(settings.HackerNewsHttp()));
    }

    public IReadOnlyList<IDailyStep> Steps(RunHttp http)
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
                "x" => new XSearchStep(http.X, X()),
                "bluesky" => Bluesky(http.Bluesky),
                _ => HackerNews(http.HackerNews),
            });
        }
        steps.Add(new MeasureStep(classic, MeasuringClock()));
        if (sources.Contains("x") && FetchesOEmbed()) steps.Add(new EmbedsStep(http.X, X(), classic));
        steps.Add(new WriteStep(ContentDir, new RenderOptions { Classic = classic }, Publish ? Publisher() : null));
        return steps;
    }

    public static readonly string[] KnownSources = ["x", "bluesky", "hn"];

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

    /// <summary>Offline, recordings answer at once: arXiv's three-second spacing and back-off would only slow the replay down.</summary>
    private ArxivStep Arxiv(RunHttp http)
    {
        var options = settings.Arxiv();
        if (offline) options = options.WithoutWaits();
        return new ArxivStep(new ArxivHttp(http.Counter, options, clock) { Log = http.Log }, options);
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
                MaxRateLimitWaits = options.MaxRateLimitWaits,
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

/// <summary>
/// The run's HTTP clients, one per source with its policy, and the counter behind them all (arXiv builds its
/// client on <see cref="Counter"/> with its quiet-time gate); <see cref="Log"/> receives the retry lines.
/// </summary>
internal sealed record RunHttp(RequestCounter Counter, Action<string> Log, HttpClient X, HttpClient Bluesky, HttpClient HackerNews) : IDisposable
{
    public void Dispose()
    {
        X.Dispose();
        Bluesky.Dispose();
        HackerNews.Dispose();
        Counter.Dispose();
    }
}
