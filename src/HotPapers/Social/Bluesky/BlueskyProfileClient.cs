using System.Text.Json;

namespace HotPapers.Social.Bluesky;

/// <summary>An account's names as a reader sees them.</summary>
public sealed record BlueskyProfile(string Did, string Handle, string DisplayName);

/// <summary>
/// <c>app.bsky.actor.getProfiles</c> on the public AppView (no account): up to 25 actors a request, each DID asked
/// for once per client (answers and misses are remembered), so Jetstream posts, which carry only a DID, get the
/// author's handle and display name.
/// </summary>
public sealed class BlueskyProfileClient(HttpClient http, Uri publicApiBaseUrl)
{
    public const int BatchSize = 25;

    private readonly Dictionary<string, BlueskyProfile?> _cache = new(StringComparer.Ordinal);

    /// <summary>Requests made so far.</summary>
    public int Requests { get; private set; }

    /// <summary>The profiles of <paramref name="dids"/> that exist; unknown or deleted accounts are left out.</summary>
    public async Task<IReadOnlyDictionary<string, BlueskyProfile>> GetAsync(IEnumerable<string> dids, CancellationToken ct)
    {
        var wanted = dids.Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in wanted.Where(d => !_cache.ContainsKey(d)).Chunk(BatchSize))
        {
            var query = string.Join('&', batch.Select(d => "actors=" + Uri.EscapeDataString(d)));
            var uri = new Uri(publicApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/xrpc/app.bsky.actor.getProfiles?" + query);
            Requests++;
            using var response = await http.GetAsync(uri, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new BlueskyApiException($"GET {uri}: HTTP {(int)response.StatusCode}", (int)response.StatusCode);
            GetProfilesResponse? body;
            try
            {
                body = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), BlueskyPublicJsonContext.Default.GetProfilesResponse);
            }
            catch (JsonException e)
            {
                throw new BlueskyApiException($"GET {uri}: the answer is not the expected JSON ({e.Message})");
            }
            foreach (var did in batch) _cache[did] = null;
            foreach (var profile in body?.Profiles ?? [])
                if (profile.Did is { Length: > 0 } did && _cache.ContainsKey(did) && profile.Handle is { Length: > 0 } handle)
                    _cache[did] = new BlueskyProfile(did, handle, profile.DisplayName ?? "");
        }
        return wanted.Select(d => _cache[d]).OfType<BlueskyProfile>().ToDictionary(p => p.Did, StringComparer.Ordinal);
    }
}
