using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotPapers.Pipeline.Replay;

/// <summary>
/// One HTTP request and the response it got, as kept in a recording (one JSON object per line of
/// <c>exchanges.jsonl</c>). Requests are matched by method and <see cref="RequestKey"/>, never by order alone.
/// </summary>
public sealed record RecordedExchange(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("body")] string Body)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Key => RequestKey(Method, new Uri(Url));

    /// <summary>
    /// Method, path and query with parameters sorted, host left out: the same request matches whichever base
    /// URL the settings point at. Secrets never reach a recording key (they travel in headers).
    /// </summary>
    public static string RequestKey(string method, Uri url)
    {
        var query = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0].Replace('+', ' ')), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}");
        return $"{method.ToUpperInvariant()} {url.AbsolutePath}?{string.Join('&', query)}";
    }
}
