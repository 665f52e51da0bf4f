using HotPapers.Configuration;
using HotPapers.Http;

namespace HotPapers.Social.X;

/// <summary>X (Twitter): recent search as the source, oEmbed for embeds, the classic post's platform.</summary>
public static class XPlatform
{
    public const string Name = Domain.SocialPost.X;
    public const string Section = "X";

    public static SocialPlatform Registration { get; } = new(
        new XPresenter(),
        SourceName: "x",
        SettingsSection: Section,
        Description: "Search X (API v2 recent search; needs X:BearerToken) for posts linking a listing date's papers.",
        CreateSource: services => new XSource(services.Http(HttpPolicy(services.Settings)), ReadOptions(services.Settings, services.Offline)),
        CreateEmbedFetcher: services => new XEmbedFetcher(new XOEmbedClient(services.Http(HttpPolicy(services.Settings)), ReadOptions(services.Settings, services.Offline))))
    {
        NeedsPapers = true,
        MissingSecret = settings => string.IsNullOrEmpty(settings.Get("X", "BearerToken"))
            ? "X:BearerToken is not set (HOTPAPERS_X__BearerToken): the x source needs it; set it, run --offline, or leave x out of Daily:Sources (hn and hf are free)"
            : null,
    };

    /// <summary>
    /// X's resilience policy (search and oEmbed). 429 is left to the search client, which waits for
    /// <c>x-rate-limit-reset</c> and counts every request against the read budget.
    /// </summary>
    public static SourceHttpOptions HttpPolicy(ISettings settings) => SourceHttpSettings.Read(settings, Section, "x", retryRateLimited: false);

    /// <summary>
    /// The <c>X</c> section. Offline no token is needed (the recordings ignore it): one is made up so the client can be built.
    /// </summary>
    public static XOptions ReadOptions(ISettings settings, bool offline = false)
    {
        var defaults = new XOptions();
        var token = settings.Get("X", "BearerToken");
        return new XOptions
        {
            ApiBaseUrl = settings.Url("X", "ApiBaseUrl", XOptions.DefaultApiBaseUrl).ToString().TrimEnd('/'),
            OEmbedUrl = settings.Url("X", "OEmbedUrl", XOptions.DefaultOEmbedUrl).ToString(),
            BearerToken = offline && string.IsNullOrEmpty(token) ? "offline-replay" : token,
            ReadBudget = settings.Int("X", "ReadBudget", defaults.ReadBudget),
            MaxQueryLength = settings.Int("X", "MaxQueryLength", defaults.MaxQueryLength),
            MaxResults = settings.Int("X", "MaxResults", defaults.MaxResults),
            MaxRateLimitWaits = settings.Int("X", "MaxRateLimitWaits", defaults.MaxRateLimitWaits),
            MaxRateLimitWait = settings.Seconds("X", "MaxRateLimitWaitSeconds", defaults.MaxRateLimitWait),
        };
    }
}
