namespace HotPapers.Social.Bluesky;

/// <summary>
/// Bluesky settings (section <c>Bluesky</c>). A class, not a record, so that no generated <c>ToString</c> can
/// ever print the app password.
/// </summary>
public sealed class BlueskyOptions
{
    public const string DefaultApiBaseUrl = "https://bsky.social";
    public const string DefaultOEmbedUrl = "https://embed.bsky.app/oembed";
    public const string DefaultPublicApiBaseUrl = "https://public.api.bsky.app";

    /// <summary>The PDS (or AppView) that serves <c>createSession</c> and <c>searchPosts</c> (<c>Bluesky:ApiBaseUrl</c>).</summary>
    public Uri ApiBaseUrl { get; init; } = new(DefaultApiBaseUrl);

    /// <summary>The Jetstream <c>/subscribe</c> endpoint (<c>Bluesky:JetstreamUrl</c>).</summary>
    public Uri JetstreamUrl { get; init; } = new(JetstreamOptions.DefaultUrl);

    /// <summary>Bluesky's oEmbed endpoint, asked once per shown post for its embed HTML (<c>Bluesky:OEmbedUrl</c>).</summary>
    public Uri OEmbedUrl { get; init; } = new(DefaultOEmbedUrl);

    /// <summary>The public AppView that answers <c>getProfiles</c> without an account (<c>Bluesky:PublicApiBaseUrl</c>).</summary>
    public Uri PublicApiBaseUrl { get; init; } = new(DefaultPublicApiBaseUrl);

    /// <summary>The account searchPosts runs as (<c>Bluesky:Handle</c>).</summary>
    public string? Handle { get; init; }

    /// <summary>An app password for <see cref="Handle"/> (<c>Bluesky:AppPassword</c>). Secret: never logged or printed.</summary>
    public string? AppPassword { get; init; }

    /// <summary>The search text; <c>domain=arxiv.org</c> narrows it to posts linking arXiv.</summary>
    public string Query { get; init; } = "arxiv.org";

    public int PageSize { get; init; } = 100;

    /// <summary>At most this many pages per day: searchPosts is meant for people, not bulk reads.</summary>
    public int MaxPages { get; init; } = 50;

    /// <summary>The longest a 429's <c>RateLimit-Reset</c> is waited for before giving up.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(5);

    public override string ToString() =>
        $"Bluesky {{ ApiBaseUrl = {ApiBaseUrl}, JetstreamUrl = {JetstreamUrl}, Handle = {Handle ?? "(none)"}, AppPassword = {(AppPassword is null ? "(none)" : "***")} }}";
}

/// <summary>
/// A failed Bluesky call, naming the request (never a credential). Transient when the status is (5xx, 408, 429) or
/// when no answer came at all (<paramref name="transportFailure"/>).
/// </summary>
public sealed class BlueskyApiException(string message, int? status = null, Exception? transportFailure = null)
    : HotPapers.Http.SourceException("bluesky", message,
        transportFailure is not null || (status is { } code && IsTransientStatus(code)), transportFailure)
{
    public int? Status { get; } = status;
}
