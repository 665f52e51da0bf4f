namespace HotPapers.Http;

/// <summary>
/// How one source's HTTP client retries and times out (settings <c>&lt;Section&gt;:TimeoutSeconds</c>,
/// <c>MaxRetries</c>, <c>InitialBackoffSeconds</c>, <c>MaxBackoffSeconds</c>; arXiv keeps its own key names).
/// docs/resilience.md explains the policy.
/// </summary>
public sealed record SourceHttpOptions
{
    public const string DefaultUserAgent = "hotpapers/1.0 (+https://github.com/hotpapers)";

    /// <summary>The source's short name, first word of every retry line: <c>arxiv</c>, <c>x</c>, <c>bluesky</c>, <c>hn</c>.</summary>
    public required string Source { get; init; }

    /// <summary>One attempt, from sending the request to the last byte of the answer.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first one; 0 turns retrying off.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first wait; each further retry doubles it, up to <see cref="MaxBackoff"/>, give or take <see cref="Jitter"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Each wait is spread by up to this fraction either way, so that clients that failed together do not come back
    /// together. Never stretches a wait past <see cref="MaxBackoff"/> nor shortens a <c>Retry-After</c>.
    /// </summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>A <c>Retry-After</c> longer than this is cut to it, so a broken header cannot park the run for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether 429 is retried here. X turns it off: its search client waits for <c>x-rate-limit-reset</c> itself
    /// and counts every request against the read budget. Bluesky too: it waits for <c>RateLimit-Reset</c>.
    /// </summary>
    public bool RetryRateLimited { get; init; } = true;

    /// <summary>
    /// The whole request, retries and waits included. Unset: the longest it can legitimately take, every attempt timed
    /// out and every wait the longest allowed — a net for the unforeseen, not a budget.
    /// </summary>
    public TimeSpan? TotalTimeout { get; init; }

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Time-outs and waits are measured on this clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TimeSpan EffectiveTotalTimeout =>
        TotalTimeout ?? AttemptTimeout * (MaxRetries + 1) + (MaxBackoff > MaxRetryAfter ? MaxBackoff : MaxRetryAfter) * MaxRetries;

    /// <summary>Retries without waiting: recordings answer at once, so an offline run stays instant.</summary>
    public SourceHttpOptions WithoutWaits() => this with { InitialBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero, MaxRetryAfter = TimeSpan.Zero };

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting (<c>Section:Key</c>) that is out of range.</summary>
    public void Validate(string section, string timeoutKey = "TimeoutSeconds")
    {
        // Polly's own limits: a time-out between 10 ms and a day, waits up to a day.
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1))
            throw new ArgumentException($"{section}:{timeoutKey} must be between 0.01 and 86400 seconds");
        if (MaxRetries is < 0 or > 100) throw new ArgumentException($"{section}:MaxRetries must be 0..100, not {MaxRetries}");
        if (InitialBackoff < TimeSpan.Zero || InitialBackoff > TimeSpan.FromDays(1))
            throw new ArgumentException($"{section}:InitialBackoffSeconds must be between 0 and 86400 seconds");
        if (MaxBackoff < InitialBackoff || MaxBackoff > TimeSpan.FromDays(1))
            throw new ArgumentException($"{section}:MaxBackoffSeconds must be between InitialBackoffSeconds and 86400 seconds");
        if (Jitter is < 0 or >= 1) throw new ArgumentException($"{section}: the jitter must be in [0, 1)");
        if (EffectiveTotalTimeout < AttemptTimeout || EffectiveTotalTimeout > TimeSpan.FromDays(1))
            throw new ArgumentException($"{section}: the total time-out must be between one attempt's and a day");
    }
}
