using HotPapers.Configuration;
using HotPapers.Http;

namespace HotPapers.Social.HackerNews;

/// <summary>Hacker News: stories linking arXiv, found through Algolia's search; points and comments, no reposts.</summary>
public static class HackerNewsPlatform
{
    public const string Name = "hackernews";
    public const string Section = "HackerNews";

    public static SocialPlatform Registration { get; } = new(
        new HackerNewsPresenter(),
        SourceName: "hn",
        SettingsSection: Section,
        Description: "Fetch a day's Hacker News stories linking arXiv papers (Algolia URL search).",
        CreateSource: services => new HackerNewsSource(services.Http(HttpPolicy(services.Settings)), ReadOptions(services.Settings)));

    /// <summary>Hacker News' (Algolia's) resilience policy; a 429 is retried after its <c>Retry-After</c>.</summary>
    public static SourceHttpOptions HttpPolicy(ISettings settings) => SourceHttpSettings.Read(settings, Section, "hn");

    /// <summary>The <c>HackerNews</c> section.</summary>
    public static HackerNewsOptions ReadOptions(ISettings settings) => new()
    {
        ApiBaseUrl = settings.Url("HackerNews", "ApiBaseUrl", HackerNewsOptions.DefaultApiBaseUrl),
    };
}
