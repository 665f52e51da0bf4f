using HotPapers.Configuration;
using HotPapers.Http;

namespace HotPapers.Social.Bluesky;

/// <summary>Bluesky: searchPosts as the daily source (Jetstream runs beside it as a service), oEmbed for embeds.</summary>
public static class BlueskyPlatform
{
    public const string Section = "Bluesky";

    public static SocialPlatform Registration { get; } = new(
        new BlueskyPresenter(),
        SourceName: "bluesky",
        SettingsSection: Section,
        Description: "Backfill a day of Bluesky posts linking arXiv (searchPosts; needs Bluesky:Handle and Bluesky:AppPassword).",
        CreateSource: services => new BlueskySource(services.Http(HttpPolicy(services.Settings)), ReadOptions(services.Settings)),
        CreateEmbedFetcher: services =>
        {
            var options = ReadOptions(services.Settings);
            var http = services.Http(HttpPolicy(services.Settings));
            return new BlueskyEmbedFetcher(new BlueskyOEmbedClient(http, options.OEmbedUrl), new BlueskyProfileClient(http, options.PublicApiBaseUrl));
        })
    {
        MissingSecret = settings => string.IsNullOrEmpty(settings.Get("Bluesky", "Handle")) || string.IsNullOrEmpty(settings.Get("Bluesky", "AppPassword"))
            ? "the bluesky source needs an account: set Bluesky:Handle and Bluesky:AppPassword (HOTPAPERS_Bluesky__Handle, HOTPAPERS_Bluesky__AppPassword)"
            : null,
    };

    /// <summary>Bluesky's resilience policy. 429 is left to the search client, which waits for <c>RateLimit-Reset</c>.</summary>
    public static SourceHttpOptions HttpPolicy(ISettings settings) => SourceHttpSettings.Read(settings, Section, "bluesky", retryRateLimited: false);

    /// <summary>The <c>Bluesky</c> section.</summary>
    public static BlueskyOptions ReadOptions(ISettings settings) => new()
    {
        ApiBaseUrl = settings.Url("Bluesky", "ApiBaseUrl", BlueskyOptions.DefaultApiBaseUrl),
        JetstreamUrl = settings.Url("Bluesky", "JetstreamUrl", JetstreamOptions.DefaultUrl),
        OEmbedUrl = settings.Url("Bluesky", "OEmbedUrl", BlueskyOptions.DefaultOEmbedUrl),
        PublicApiBaseUrl = settings.Url("Bluesky", "PublicApiBaseUrl", BlueskyOptions.DefaultPublicApiBaseUrl),
        Handle = settings.Get("Bluesky", "Handle"),
        AppPassword = settings.Get("Bluesky", "AppPassword"),
    };

    public const string Name = "bluesky";
    public const string PostCollection = "app.bsky.feed.post";
    public const string LikeCollection = "app.bsky.feed.like";
    public const string RepostCollection = "app.bsky.feed.repost";
}
