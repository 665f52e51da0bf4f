using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Arxiv;

/// <summary>What one day's collection did. <see cref="Succeeded"/> is false when any paper is still without metadata.</summary>
public sealed record CollectReport(
    DateOnly Date,
    int Announced,
    int AlreadyHeld,
    int Fetched,
    int Requests,
    IReadOnlyList<(ArxivId Id, string Problem)> Missing,
    IReadOnlyList<string> Notes)
{
    public bool Succeeded => Missing.Count == 0;

    /// <summary>API requests that failed after their retries (one line each): those papers can still be fetched later.</summary>
    public IReadOnlyList<string> FailedRequests { get; init; } = [];
}

/// <summary>
/// Collects a listing date: the announcements of every target in order (a paper seen in an earlier target keeps its
/// first place; replacements are not new papers), then the metadata of papers the store does not hold yet, one
/// API batch per transaction. A failed batch leaves earlier batches stored, and the next run fetches only what is missing.
/// </summary>
public sealed partial class ArxivCollector(HotPapersStore store, IAnnouncementSource source, ArxivApiClient api, ArxivOptions options, TimeProvider time)
{
    public Action<string>? Log { get; init; }

    public async Task<CollectReport> CollectAsync(DateOnly date, bool refetch, CancellationToken cancellation)
    {
        var crawl = new List<(Announcement Item, int Order)>();
        var seen = new HashSet<ArxivId>();
        foreach (var target in options.Targets)
        {
            var listing = await source.ListAsync(target, date, cancellation).ConfigureAwait(false);
            var added = 0;
            foreach (var item in listing.Announcements.Where(a => a.IsNewPaper))
            {
                if (!seen.Add(item.Id)) continue;
                crawl.Add((item, crawl.Count + 1));
                added++;
            }
            Log?.Invoke($"arxiv {date:yyyy-MM-dd} {target} ({source.Name}): {listing.Announcements.Count} listed, {added} new to this day's crawl");
        }

        var ids = crawl.Select(c => c.Item.Id).ToList();
        var held = refetch ? new HashSet<ArxivId>() : store.Papers.HeldIds(ids);
        // Papers already held are announced at once; they need no request.
        store.Write(tx =>
        {
            foreach (var (item, order) in crawl.Where(c => held.Contains(c.Item.Id)))
                tx.Papers.Announce(date, item.Id, order, Announcement.KindName(item.Kind));
        });

        var byId = crawl.ToDictionary(c => c.Item.Id);
        var missing = new List<(ArxivId, string)>();
        var notes = new List<string>();
        var failedRequests = new List<string>();
        var fetched = 0;
        var requests = 0;
        var toFetch = ids.Where(id => !held.Contains(id)).ToList();
        var batches = api.Batches(toFetch).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            requests++;
            ApiBatchResult result;
            try
            {
                result = await api.FetchBatchAsync(batch, cancellation).ConfigureAwait(false);
            }
            catch (ArxivHttpException e)
            {
                var at = time.GetUtcNow();
                store.Write(tx =>
                {
                    foreach (var id in batch) tx.Papers.RecordFetch(id, "failed", null, e.Message, at);
                });
                missing.AddRange(batch.Select(id => (id, e.Message)));
                failedRequests.Add(e.Message);
                Log?.Invoke($"arxiv: batch {b + 1} of {batches.Count} failed ({batch.Count} ids): {e.Message}");
                continue;
            }
            var now = time.GetUtcNow();
            store.Write(tx =>
            {
                foreach (var (id, entry) in result.Found)
                {
                    var (item, order) = byId[id];
                    tx.Papers.Upsert(ToPaper(item, entry, date, order));
                    tx.Papers.Announce(date, id, order, Announcement.KindName(item.Kind));
                    tx.Papers.RecordFetch(id, "fetched", entry.Version == 0 ? null : entry.Version, null, now);
                }
                foreach (var (id, message) in result.Errors) tx.Papers.RecordFetch(id, "error", null, message, now);
                foreach (var id in result.Unknown) tx.Papers.RecordFetch(id, "unknown", null, "the API returned no entry for this id", now);
            });
            fetched += result.Found.Count;
            missing.AddRange(result.Errors.Select(e => (e.Key, $"API error: {e.Value}")));
            missing.AddRange(result.Unknown.Select(id => (id, "unknown id: the API returned no entry for it")));
            notes.AddRange(result.Notes);
            Log?.Invoke($"arxiv: batch {b + 1} of {batches.Count}: {result.Found.Count} of {batch.Count} stored");
        }
        // Posts seen before their paper was stored (the Bluesky listener, imports) are linked to it now.
        if (fetched > 0) store.Write(tx => tx.Posts.LinkKnownPapers());
        return new CollectReport(date, crawl.Count, held.Count, fetched, requests, missing, notes) { FailedRequests = failedRequests };
    }

    /// <summary>
    /// The paper as the post shows it: API title and abstract in the post's form, the listing's subjects (with
    /// names) when it gave them, the API's otherwise, and a PDF link when the listing offers one (or, where the
    /// source cannot say, when the API does).
    /// </summary>
    public static Paper ToPaper(Announcement item, ApiEntry entry, DateOnly date, int order)
    {
        var subjects = item.Subjects.Count > 0 ? item.Subjects : ApiSubjects(entry);
        var hasPdf = item.HasPdf ?? entry.PdfUrl is not null;
        var authors = entry.Authors.Count > 0 ? entry.Authors : item.Authors;
        return new Paper(entry.Id, ArxivText.Title(entry.Title), authors, subjects, ArxivText.Abstract(entry.Summary),
            $"https://arxiv.org/abs/{entry.Id}", hasPdf ? $"https://arxiv.org/pdf/{entry.Id}" : null, date, order);
    }

    /// <summary>Primary first, then the others; ACM and MSC codes (<c>I.2.6</c>, <c>68T05</c>) are not arXiv subjects.</summary>
    private static List<Subject> ApiSubjects(ApiEntry entry)
    {
        var codes = new List<string>();
        if (entry.PrimaryCategory is { } primary) codes.Add(primary);
        codes.AddRange(entry.Categories);
        return codes.Where(c => ArxivCategory().IsMatch(c)).Distinct(StringComparer.Ordinal).Select(c => new Subject(c)).ToList();
    }

    [GeneratedRegex(@"^[a-z][a-z\-]*(?:\.[A-Za-z\-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivCategory();
}
