using HotPapers.Domain;

namespace HotPapers.Store;

public sealed partial class StoreTransaction
{
    /// <summary>Announces a paper the store already holds on a day, at its crawl place; the paper row is left as it is.</summary>
    public void AddAnnouncement(DateOnly listingDate, ArxivId id, int crawlOrder, string? kind)
    {
        Run("""
            INSERT INTO announcements (listing_date, arxiv_id, crawl_order, kind) VALUES (@date, @id, @order, @kind)
            ON CONFLICT (listing_date, arxiv_id) DO UPDATE SET crawl_order = excluded.crawl_order, kind = COALESCE(excluded.kind, announcements.kind)
            """,
            ("date", DigestWindow.Format(listingDate)), ("id", id.Value), ("order", crawlOrder), ("kind", kind));
    }

    /// <summary>Records what the metadata API said about a paper, so a report (and the next run) can tell fetched from missing.</summary>
    public void RecordArxivFetch(ArxivId id, string status, int? version, string? detail, DateTimeOffset at)
    {
        Run("""
            INSERT INTO arxiv_fetches (arxiv_id, status, version, detail, attempted_at) VALUES (@id, @status, @version, @detail, @at)
            ON CONFLICT (arxiv_id) DO UPDATE SET status = excluded.status, version = excluded.version, detail = excluded.detail, attempted_at = excluded.attempted_at
            """,
            ("id", id.Value), ("status", status), ("version", version), ("detail", detail), ("at", StoreTime.Utc(at)));
    }
}
