using HotPapers.Http;

namespace HotPapers.Arxiv;

/// <summary>
/// Where arXiv is and how politely to talk to it. arXiv's terms ask for one request every three seconds on a
/// single connection, for the API, the listings, RSS and OAI-PMH alike; tests point the URLs at a local server
/// and set <see cref="RequestSpacing"/> to zero.
/// </summary>
public sealed record ArxivOptions
{
    public string ListingBaseUrl { get; init; } = "https://arxiv.org";

    public string ApiBaseUrl { get; init; } = "https://export.arxiv.org/api/query";

    public string RssBaseUrl { get; init; } = "https://rss.arxiv.org";

    public string OaiBaseUrl { get; init; } = "https://oaipmh.arxiv.org/oai";

    /// <summary>Archives or categories crawled in this order; a paper keeps the place of its first sighting.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["cs", "stat.ML"];

    /// <summary>Ids per API request (arxiv.py pages by 100; the spec asks for at least 50).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Entries per listing page; arXiv accepts only 25, 50, 100, 250, 500, 1000 or 2000.</summary>
    public int ListingPageSize { get; init; } = 2000;

    /// <summary>The quiet time between the end of one request and the start of the next.</summary>
    public TimeSpan RequestSpacing { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Attempts after the first one for 5xx, 429, time-outs and unreadable bodies.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off; each further retry doubles it (a Retry-After header can only lengthen it).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A longer <c>Retry-After</c> is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>One attempt, from sending the request to the last byte of the answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public string UserAgent { get; init; } = "HotPapers/1.0 (+https://github.com/hotpapers; daily digest collector)";

    public static readonly int[] ValidListingPageSizes = [25, 50, 100, 250, 500, 1000, 2000];

    /// <summary>
    /// The shared resilience policy with arXiv's settings. The total time-out also counts the quiet time every
    /// attempt waits at the gate.
    /// </summary>
    public SourceHttpOptions Http(TimeProvider time)
    {
        var options = new SourceHttpOptions
        {
            Source = "arxiv",
            AttemptTimeout = RequestTimeout,
            MaxRetries = MaxRetries,
            InitialBackoff = InitialBackoff,
            MaxBackoff = MaxBackoff,
            MaxRetryAfter = MaxRetryAfter,
            UserAgent = UserAgent,
            Time = time,
        };
        return options with { TotalTimeout = options.EffectiveTotalTimeout + RequestSpacing * (MaxRetries + 1) };
    }

    /// <summary>
    /// For recordings, which answer at once: no quiet time and no waits, retries kept (a recorded live run holds its
    /// failed attempts too, answered in order).
    /// </summary>
    public ArxivOptions WithoutWaits() => this with
    {
        RequestSpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero, MaxRetryAfter = TimeSpan.Zero,
    };

    public void Validate()
    {
        if (BatchSize is < 1 or > 2000) throw new ArgumentException($"Arxiv:BatchSize must be 1..2000, not {BatchSize}");
        if (!ValidListingPageSizes.Contains(ListingPageSize))
            throw new ArgumentException($"Arxiv:ListingPageSize must be one of {string.Join(", ", ValidListingPageSizes)}, not {ListingPageSize}");
        if (RequestSpacing < TimeSpan.Zero) throw new ArgumentException("Arxiv:RequestSpacing must not be negative");
        if (MaxRetries < 0) throw new ArgumentException("Arxiv:MaxRetries must not be negative");
        if (Targets.Count == 0) throw new ArgumentException("Arxiv:Targets must name at least one archive or category");
        Http(TimeProvider.System).Validate("Arxiv", timeoutKey: "RequestTimeoutSeconds");
    }
}
