namespace HotPapers.Social.X;

/// <summary>
/// Settings of the X sources (section <c>X</c>, env vars <c>HOTPAPERS_X__&lt;Key&gt;</c>). The bearer token is a
/// secret: <see cref="ToString"/> never shows it, and no error message built here contains it.
/// </summary>
public sealed class XOptions
{
    public const string DefaultApiBaseUrl = "https://api.twitter.com";
    public const string DefaultOEmbedUrl = "https://publish.twitter.com/oembed";

    public string ApiBaseUrl { get; init; } = DefaultApiBaseUrl;
    public string OEmbedUrl { get; init; } = DefaultOEmbedUrl;
    public string? BearerToken { get; init; }

    /// <summary>Posts read (billed) per run, never exceeded: a page is only asked for when it fits whole.</summary>
    public int ReadBudget { get; init; } = 1000;

    /// <summary>The search query length limit of the access tier: 512 self-serve recent, 1024 full archive, 4096 enterprise.</summary>
    public int MaxQueryLength { get; init; } = 512;

    /// <summary>Page size asked for (recent search allows 10–100).</summary>
    public int MaxResults { get; init; } = 100;

    /// <summary>How many times one request waits out a 429 before the run gives up.</summary>
    public int MaxRateLimitWaits { get; init; } = 5;

    /// <summary>
    /// The longest a rate-limit wait may be (<c>X:MaxRateLimitWaitSeconds</c>); a later reset fails the run with the URL
    /// instead of sleeping for hours. X's windows are 15 minutes long.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(15);

    public override string ToString() =>
        $"X {{ ApiBaseUrl = {ApiBaseUrl}, OEmbedUrl = {OEmbedUrl}, BearerToken = {(string.IsNullOrEmpty(BearerToken) ? "(not set)" : "(set)")}, " +
        $"ReadBudget = {ReadBudget}, MaxQueryLength = {MaxQueryLength} }}";
}

/// <summary>An X endpoint failed; the message names the request URL (which never holds the token).</summary>
public sealed class XApiException(string message, bool isTransient = false, Exception? inner = null)
    : HotPapers.Http.SourceException("x", message, isTransient, inner);
