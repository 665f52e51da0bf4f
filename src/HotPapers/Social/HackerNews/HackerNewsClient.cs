using System.Globalization;
using System.Text.Json;
using HotPapers.Http;

namespace HotPapers.Social.HackerNews;

/// <summary>A failed Hacker News search, naming the request URL.</summary>
public sealed class HackerNewsApiException(string message, bool isTransient = false, Exception? inner = null)
    : SourceException("hn", message, isTransient, inner);

/// <summary>
/// Algolia <c>search_by_date</c> for stories whose URL matches the query (<c>restrictSearchableAttributes=url</c>,
/// <c>typoTolerance=false</c>), within a <c>created_at_i</c> window, one page at a time.
/// </summary>
internal sealed class HackerNewsClient(HttpClient http, HackerNewsOptions options)
{
    public Uri PageUri(long fromInclusive, long toExclusive, int page)
    {
        var root = options.ApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var filters = Uri.EscapeDataString(string.Create(CultureInfo.InvariantCulture, $"created_at_i>={fromInclusive},created_at_i<{toExclusive}"));
        return new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{root}/search_by_date?query={Uri.EscapeDataString(options.Query)}&restrictSearchableAttributes=url&tags=story&typoTolerance=false&numericFilters={filters}&hitsPerPage={options.HitsPerPage}&page={page}"));
    }

    public async Task<AlgoliaResponse> GetPageAsync(long fromInclusive, long toExclusive, int page, CancellationToken ct)
    {
        var uri = PageUri(fromInclusive, toExclusive, page);
        HttpResponseMessage sent;
        try
        {
            sent = await http.GetAsync(uri, ct);
        }
        catch (Exception e) when (SourceException.IsTransportFailure(e, ct))
        {
            throw new HackerNewsApiException($"GET {uri}: {e.Message}", isTransient: true, e);
        }
        using var response = sent;
        if (!response.IsSuccessStatusCode)
            throw new HackerNewsApiException($"GET {uri}: HTTP {(int)response.StatusCode}", SourceException.IsTransientStatus((int)response.StatusCode));
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync(stream, HackerNewsJsonContext.Default.AlgoliaResponse, ct)
                   ?? throw new HackerNewsApiException($"GET {uri}: empty answer");
        }
        catch (JsonException e)
        {
            throw new HackerNewsApiException($"GET {uri}: the answer is not the expected JSON ({e.Message})");
        }
    }
}
