using System.Globalization;
using System.Text.Json;

namespace HotPapers.Social.HuggingFace;

/// <summary>A failed Daily Papers request, naming the request URL.</summary>
public sealed class HuggingFaceApiException(string message) : Exception(message);

/// <summary>The public Daily Papers API: one request per day, a JSON array of the day's papers (no account).</summary>
internal sealed class HuggingFaceClient(HttpClient http, HuggingFaceOptions options)
{
    public Uri DayUri(DateOnly day)
    {
        var root = options.ApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{root}/api/daily_papers?date={day:yyyy-MM-dd}"));
    }

    public async Task<List<DailyPaperEntry>> GetDayAsync(DateOnly day, CancellationToken ct)
    {
        var uri = DayUri(day);
        using var response = await http.GetAsync(uri, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HuggingFaceApiException($"GET {uri}: HTTP {(int)response.StatusCode}");
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, HuggingFaceJsonContext.Default.ListDailyPaperEntry, ct).ConfigureAwait(false)
                   ?? throw new HuggingFaceApiException($"GET {uri}: empty answer");
        }
        catch (JsonException e)
        {
            throw new HuggingFaceApiException($"GET {uri}: the answer is not a JSON array of daily papers ({e.Message})");
        }
    }
}
