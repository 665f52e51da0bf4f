using System.Globalization;
using System.Net;
using System.Text.Json;

namespace HotPapers.Social.X;

public enum OEmbedStatus
{
    /// <summary>The HTML came back and passed the allow-list.</summary>
    Ok,
    /// <summary>HTTP 404 (with an HTML body): deleted, protected, nonexistent.</summary>
    Deleted,
    /// <summary>The HTML came back but failed the allow-list; <see cref="OEmbedResult.Detail"/> says why.</summary>
    Rejected,
    /// <summary>Any other failure: status, network, not JSON.</summary>
    Failed,
}

/// <summary>What an oEmbed fetch gave: the embed HTML without trailing newlines (only when <see cref="OEmbedStatus.Ok"/>).</summary>
public sealed record OEmbedResult(OEmbedStatus Status, string? Html, string Detail);

/// <summary>
/// <c>publish.twitter.com/oembed?url=…</c>: no authentication. Redirects (301 to publish.x.com since 2025) are
/// followed here, whatever the handler does, so a test handler sees each hop. Status is checked before the body:
/// a 404 answers with HTML, not JSON.
/// </summary>
public sealed class XOEmbedClient(HttpClient http, XOptions options)
{
    private const int MaxRedirects = 5;

    public static string StatusUrl(string handle, string postId) => $"https://twitter.com/{handle}/status/{postId}";

    public async Task<OEmbedResult> FetchAsync(string handle, string postId, CancellationToken ct = default)
    {
        var url = new Uri($"{options.OEmbedUrl}?url={Uri.EscapeDataString(StatusUrl(handle, postId))}");
        for (var hop = 0; ; hop++)
        {
            HttpResponseMessage sent;
            try
            {
                // Time-outs and retries are the client's policy (X:TimeoutSeconds, X:MaxRetries).
                sent = await http.GetAsync(url, ct);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // A network failure or time-out is one more way oEmbed gives nothing: the post falls back to its
                // snapshot, and the embeds step does not fail the run over an embed.
                return new OEmbedResult(OEmbedStatus.Failed, null, $"GET {url}: {(e is OperationCanceledException ? "timed out (X:TimeoutSeconds)" : e.Message)}");
            }
            using var response = sent;
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (hop >= MaxRedirects) return new OEmbedResult(OEmbedStatus.Failed, null, $"GET {url}: more than {MaxRedirects} redirects");
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotFound) return new OEmbedResult(OEmbedStatus.Deleted, null, $"GET {url}: 404, the post is gone or not public");
            if (!response.IsSuccessStatusCode) return new OEmbedResult(OEmbedStatus.Failed, null, $"GET {url}: HTTP {(int)response.StatusCode}");
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(ct);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                return new OEmbedResult(OEmbedStatus.Failed, null, $"GET {url}: {(e is OperationCanceledException ? "timed out (X:TimeoutSeconds)" : e.Message)}");
            }
            string? html;
            try
            {
                using var json = JsonDocument.Parse(body);
                html = json.RootElement.TryGetProperty("html", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            }
            catch (JsonException e)
            {
                return new OEmbedResult(OEmbedStatus.Failed, null, $"GET {url}: not JSON: {e.Message}");
            }
            if (html is null) return new OEmbedResult(OEmbedStatus.Failed, null, $"GET {url}: no html field");
            html = html.TrimEnd('\n');
            return OEmbedHtmlPolicy.IsAllowed(html, out var reason)
                ? new OEmbedResult(OEmbedStatus.Ok, html, "")
                : new OEmbedResult(OEmbedStatus.Rejected, null, $"GET {url}: {reason}");
        }
    }


    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
