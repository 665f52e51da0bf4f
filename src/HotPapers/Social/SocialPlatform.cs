using HotPapers.Configuration;
using HotPapers.Http;

namespace HotPapers.Social;

/// <summary>
/// What a platform's source and embed fetcher are built from: an HTTP client with the platform's own resilience
/// policy (the host decides what is behind it: the network, or recordings offline, and owns the client), the
/// settings, and the run's clock and zone.
/// </summary>
public sealed record SourceServices(Func<SourceHttpOptions, HttpClient> Http, ISettings Settings, TimeProvider Clock, TimeZoneInfo Zone, bool Offline);

/// <summary>
/// One platform, whole: its presenter, the name its source goes by in <c>Daily:Sources</c> and <c>collect NAME</c>,
/// its settings section, and how to build its source and (if it has one) its embed fetcher.
/// </summary>
public sealed record SocialPlatform(
    IPostPresenter Presenter,
    string SourceName,
    string SettingsSection,
    string Description,
    Func<SourceServices, ISocialSource> CreateSource,
    Func<SourceServices, IEmbedFetcher>? CreateEmbedFetcher = null)
{
    /// <summary>
    /// What the source lacks to run online (a token, an account), as one line naming the settings, or null when
    /// ready. <c>daily</c> asks before its first request, so a run never collects arXiv only to fail at this source.
    /// </summary>
    public Func<ISettings, string?>? MissingSecret { get; init; }

    /// <summary>The source searches for the window's stored papers (X) rather than reading a day's posts (Bluesky, Hacker News).</summary>
    public bool NeedsPapers { get; init; }

    public string Platform => Presenter.Platform;
}
