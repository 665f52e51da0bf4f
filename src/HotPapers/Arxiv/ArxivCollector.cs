using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Arxiv;

/// <summary>What storing one day's listing did: the papers listed, those already held, and the rest, still without metadata.</summary>
public sealed record ListingReport(DateOnly Date, int Announced, int AlreadyHeld, IReadOnlyList<ListedEntry> ToFetch);

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
/// Collects a listing date in two halves. <see cref="ListAsync"/> reads the announcements of every target in order (a
/// paper seen in an earlier target keeps its first place; replacements are not new papers) and stores the listing;
/// <see cref="FetchAsync"/> asks the API for the metadata of listed papers the store does not hold yet, one batch per
/// transaction. A failed batch leaves earlier batches stored, and the next run fetches only what is missing.
/// <see cref="CollectAsync"/> does both for every listed paper (the backfill); the daily job fetches only the papers
/// someone posted about (<see cref="Pipeline.MetadataStep"/>).
/// </summary>
public sealed partial class ArxivCollector(HotPapersStore store, IAnnouncementSource source, ArxivApiClient api, ArxivOptions options, TimeProvider time)
{
    public Action<string>? Log { get; init; }

    public async Task<CollectReport> CollectAsync(DateOnly date, bool refetch, CancellationToken cancellation)
    {
        var listing = await ListAsync(date, refetch, cancellation).ConfigureAwait(false);
        var fetch = await FetchAsync(date, listing.ToFetch, cancellation).ConfigureAwait(false);
        return fetch with { Announced = listing.Announced, AlreadyHeld = listing.AlreadyHeld };
    }

    /// <summary>
    /// Reads the day's listing and stores it in one transaction: every paper in <c>listed_papers</c>, and the papers
    /// already held announced at once (they need no request). Returns the listed papers still to fetch, in crawl order.
    /// </summary>
    public async Task<ListingReport> ListAsync(DateOnly date, bool refetch, CancellationToken cancellation)
    {
        var crawl = new List<ListedEntry>();
        var seen = new HashSet<ArxivId>();
        foreach (var target in options.Targets)
        {
            var listing = await source.ListAsync(target, date, cancellation).ConfigureAwait(false);
            var added = 0;
            foreach (var item in listing.Announcements.Where(a => a.IsNewPaper))
            {
                if (!seen.Add(item.Id)) continue;
                crawl.Add(new ListedEntry(date, item.Id, crawl.Count + 1, Announcement.KindName(item.Kind), item.Title, item.Authors, item.Subjects, item.HasPdf));
                added++;
            }
            Log?.Invoke($"arxiv {date:yyyy-MM-dd} {target} ({source.Name}): {listing.Announcements.Count} listed, {added} new to this day's crawl");
        }

        var held = refetch ? new HashSet<ArxivId>() : store.Papers.HeldIds(crawl.Select(c => c.Id));
        store.Write(tx =>
        {
            foreach (var entry in crawl)
            {
                tx.Papers.List(entry);
                if (held.Contains(entry.Id)) tx.Papers.Announce(date, entry.Id, entry.CrawlOrder, entry.Kind);
            }
        });
        return new ListingReport(date, crawl.Count, held.Count, crawl.Where(c => !held.Contains(c.Id)).ToList());
    }

    /// <summary>
    /// The metadata of these listed papers of <paramref name="date"/>, in batches of at most <c>Arxiv:BatchSize</c>
    /// ids: each found paper is stored and announced at its crawl place, what the API said is recorded, and posts
    /// seen before their paper are linked to it. A failed request is reported, not thrown: later batches still run.
    /// </summary>
    public async Task<CollectReport> FetchAsync(DateOnly date, IReadOnlyList<ListedEntry> toFetch, CancellationToken cancellation)
    {
        var byId = toFetch.ToDictionary(c => c.Id);
        var missing = new List<(ArxivId, string)>();
        var notes = new List<string>();
        var failedRequests = new List<string>();
        var fetched = 0;
        var requests = 0;
        var batches = api.Batches(toFetch.Select(c => c.Id).ToList()).ToList();
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
                    var listed = byId[id];
                    tx.Papers.Upsert(ToPaper(ToAnnouncement(listed), entry, date, listed.CrawlOrder));
                    tx.Papers.Announce(date, id, listed.CrawlOrder, listed.Kind);
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
        // Posts seen before their paper was stored (the social sources, the Bluesky listener, imports) are linked to it
        // now; a paper listed on this day and fetched for another (or held since the listing) is announced here too.
        store.Write(tx =>
        {
            tx.Papers.AnnounceListedHeld(date);
            if (fetched > 0) tx.Posts.LinkKnownPapers();
        });
        return new CollectReport(date, toFetch.Count, 0, fetched, requests, missing, notes) { FailedRequests = failedRequests };
    }

    /// <summary>The listing as a source would give it again: the kind, the listed title, authors, subjects and PDF flag.</summary>
    private static Announcement ToAnnouncement(ListedEntry entry) =>
        new(entry.Id, Announcement.TryParseKind(entry.Kind, out var kind) ? kind : AnnouncementKind.New, entry.Title, entry.Authors, entry.Subjects, entry.HasPdf);

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
