using System.Text.Json;

namespace HotPapers.Social.Bluesky;

/// <summary>What Bluesky's oEmbed gave: the checked, one-line embed HTML, or why there is none.</summary>
public sealed record BlueskyOEmbedResult(string? Html, string Detail);

/// <summary>
/// <c>embed.bsky.app/oembed?url=&lt;at-uri&gt;&amp;format=json</c> (no account). Its HTML must pass
/// <see cref="BlueskyOEmbedPolicy"/>; any failure (404 deleted, 403 opted out, network, refused HTML) returns no HTML,
/// and the post is shown with the local rendering of the same form.
/// </summary>
public sealed class BlueskyOEmbedClient(HttpClient http, Uri oEmbedUrl)
{
    public async Task<BlueskyOEmbedResult> FetchAsync(string atUri, CancellationToken ct)
    {
        var url = new Uri($"{oEmbedUrl.GetLeftPart(UriPartial.Path)}?url={Uri.EscapeDataString(atUri)}&format=json");
        try
        {
            using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return new BlueskyOEmbedResult(null, $"GET {url}: HTTP {(int)response.StatusCode}");
            var body = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), BlueskyPublicJsonContext.Default.BlueskyOEmbedResponse);
            if (body?.Html is not { } html) return new BlueskyOEmbedResult(null, $"GET {url}: no html field");
            return BlueskyOEmbedPolicy.IsAllowed(html, out var reason)
                ? new BlueskyOEmbedResult(BlueskyOEmbedPolicy.Normalize(html), "")
                : new BlueskyOEmbedResult(null, $"GET {url}: {reason}");
        }
        catch (JsonException e)
        {
            return new BlueskyOEmbedResult(null, $"GET {url}: not JSON: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new BlueskyOEmbedResult(null, $"GET {url}: {(e is TaskCanceledException ? "timed out" : e.Message)}");
        }
    }
}
