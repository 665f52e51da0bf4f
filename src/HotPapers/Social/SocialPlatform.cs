using HotPapers.Configuration;

namespace HotPapers.Social;

/// <summary>What a platform's source and embed fetcher are built from: the run's HTTP client, settings and clock.</summary>
public sealed record SourceServices(HttpClient Http, ISettings Settings, TimeProvider Clock, TimeZoneInfo Zone, bool Offline);

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
    /// <summary>The source searches for the window's stored papers (X) rather than reading a day's posts (Bluesky, Hacker News).</summary>
    public bool NeedsPapers { get; init; }

    public string Platform => Presenter.Platform;
}
