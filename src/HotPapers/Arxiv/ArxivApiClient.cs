using System.Net;
using System.Text.RegularExpressions;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>
/// What one <c>id_list</c> request gave, matched to the request by id (the API does not answer in request order):
/// the entries found, the ids it rejected with an error entry, and the ids it said nothing about.
/// </summary>
public sealed record ApiBatchResult(
    IReadOnlyDictionary<ArxivId, ApiEntry> Found,
    IReadOnlyDictionary<ArxivId, string> Errors,
    IReadOnlyList<ArxivId> Unknown,
    IReadOnlyList<string> Notes);

/// <summary>The Atom query API, asked by <c>id_list</c> in batches through the polite <see cref="ArxivHttp"/>.</summary>
public sealed partial class ArxivApiClient(ArxivHttp http, ArxivOptions options)
{
    public IEnumerable<IReadOnlyList<ArxivId>> Batches(IEnumerable<ArxivId> ids) => ids.Distinct().Chunk(options.BatchSize);

    public Uri BatchUrl(IReadOnlyList<ArxivId> batch) =>
        new($"{options.ApiBaseUrl}?id_list={string.Join(',', batch.Select(i => i.Value))}&start=0&max_results={batch.Count}");

    public async Task<ApiBatchResult> FetchBatchAsync(IReadOnlyList<ArxivId> batch, CancellationToken cancellation)
    {
        var url = BatchUrl(batch);
        var source = $"GET {url}";
        // The 2026 API answers a malformed id with HTTP 400 and an error feed: that body is the answer.
        var feed = await http.GetAsync(url, body =>
        {
            var parsed = ApiFeedParser.Parse(body, source);
            // Known flakiness: a page with no entries although results exist. Treat it as unreadable so it is asked again.
            if (parsed.Entries.Count == 0 && parsed.Errors.Count == 0 && parsed.TotalResults is > 0 && parsed.EmptyEntries == 0)
                throw new ArxivFormatException($"{source}: no entries although totalResults is {parsed.TotalResults}");
            return parsed;
        }, cancellation, HttpStatusCode.BadRequest).ConfigureAwait(false);
        return Match(batch, feed);
    }

    /// <summary>Pairs entries with requested ids by id only; anything not requested is noted, never guessed at.</summary>
    public static ApiBatchResult Match(IReadOnlyList<ArxivId> requested, ApiFeed feed)
    {
        var wanted = requested.ToHashSet();
        var found = new Dictionary<ArxivId, ApiEntry>();
        var notes = new List<string>();
        foreach (var entry in feed.Entries)
        {
            if (!wanted.Contains(entry.Id)) notes.Add($"entry {entry.Id} was not asked for; ignored");
            else if (!found.TryAdd(entry.Id, entry)) notes.Add($"entry {entry.Id} came twice; the first kept");
        }
        var errors = new Dictionary<ArxivId, string>();
        foreach (var error in feed.Errors)
        {
            var match = ErrorSubject().Match(error.Id);
            if (match.Success && ArxivId.TryParse(match.Groups["id"].Value, out var id) && wanted.Contains(id)) errors[id] = error.Message;
            else notes.Add($"API error not tied to a requested id: {error.Message} ({error.Id})");
        }
        if (feed.EmptyEntries > 0) notes.Add($"{feed.EmptyEntries} empty entries (no id) in the response");
        var unknown = requested.Where(id => !found.ContainsKey(id) && !errors.ContainsKey(id)).ToList();
        return new ApiBatchResult(found, errors, unknown, notes);
    }

    [GeneratedRegex(@"#incorrect_id_format_for_(?<id>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorSubject();
}
