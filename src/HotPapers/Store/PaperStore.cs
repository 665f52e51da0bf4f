using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>A paper with every listing date it was announced on, newest first (<see cref="Paper.ListingDate"/> is the newest).</summary>
public sealed record ListedPaper(Paper Paper, IReadOnlyList<DateOnly> ListingDates);

/// <summary>Reads of papers (their current metadata) and the days arXiv announced them.</summary>
public sealed class PaperStore
{
    private readonly StoreSql _sql;

    internal PaperStore(StoreSql sql) => _sql = sql;

    /// <summary>Which of these papers the store already holds metadata for (so they need not be fetched again).</summary>
    public IReadOnlySet<ArxivId> HeldIds(IEnumerable<ArxivId> ids)
    {
        var held = new HashSet<ArxivId>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var names = chunk.Select((_, i) => $"@p{i}").ToArray();
            held.UnionWith(_sql.Rows($"SELECT arxiv_id FROM papers WHERE arxiv_id IN ({string.Join(", ", names)})",
                r => ArxivId.Parse(r.GetString(0)), chunk.Select((id, i) => ($"p{i}", (object?)id.Value)).ToArray()));
        }
        return held;
    }

    /// <summary>Every paper with its listing dates; pass <paramref name="only"/> to read one.</summary>
    public IReadOnlyList<ListedPaper> LoadListed(ArxivId? only = null)
    {
        var filter = only is null ? "" : " WHERE arxiv_id = @id";
        (string, object?)[] id = only is { } one ? [("id", one.Value)] : [];
        var dates = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        foreach (var (paper, date) in _sql.Rows("SELECT arxiv_id, listing_date FROM announcements" + filter,
            r => (r.GetString(0), StoreSql.ParseDate(r.GetString(1))), id))
        {
            if (!dates.TryGetValue(paper, out var list)) dates[paper] = list = [];
            list.Add(date);
        }
        return _sql.Rows("SELECT arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url FROM papers" + filter + " ORDER BY arxiv_id", r =>
        {
            var key = r.GetString(0);
            var listed = dates.TryGetValue(key, out var list) ? list.OrderDescending().ToList() : [];
            var paper = new Paper(ArxivId.Parse(key), r.GetString(1), StoreJson.Read<string[]>(r.GetString(2)),
                StoreJson.Read<Subject[]>(r.GetString(3)), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), listed.Count == 0 ? DateOnly.MinValue : listed[0], 0);
            return new ListedPaper(paper, listed);
        }, id);
    }

    /// <summary>
    /// The papers announced in a window, in crawl order, the first announcement of each kept. Over a range, crawl
    /// places restart each day; they are numbered through so ties stay in crawl order. <paramref name="unprintedOnly"/>
    /// leaves out papers some imported post printed (they belong to the windows that printed them).
    /// </summary>
    internal List<Paper> LoadAnnounced(DigestWindow window, bool unprintedOnly = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var papers = new List<Paper>();
        var unprinted = unprintedOnly ? "AND NOT EXISTS (SELECT 1 FROM printed_papers pp WHERE pp.arxiv_id = a.arxiv_id)" : "";
        foreach (var (paper, crawlOrder) in _sql.Rows($"""
            SELECT p.arxiv_id, p.title, p.authors, p.subjects, p.abstract, p.abs_url, p.pdf_url, a.listing_date, a.crawl_order
            FROM announcements a JOIN papers p ON p.arxiv_id = a.arxiv_id
            WHERE a.listing_date >= @start AND a.listing_date <= @end {unprinted}
            ORDER BY a.listing_date, a.crawl_order, p.arxiv_id
            """, r => (new Paper(ArxivId.Parse(r.GetString(0)), r.GetString(1), StoreJson.Read<string[]>(r.GetString(2)),
                StoreJson.Read<Subject[]>(r.GetString(3)), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                StoreSql.ParseDate(r.GetString(7)), 0), r.GetInt32(8)),
            ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End))))
        {
            if (!seen.Add(paper.Id.Value)) continue;
            papers.Add(paper with { CrawlOrder = window.IsSingleDay ? crawlOrder : papers.Count + 1 });
        }
        return papers;
    }
}

/// <summary>Writes of papers, announcements and what the metadata API said.</summary>
public sealed class PaperWrites
{
    private readonly StoreSql _sql;

    internal PaperWrites(StoreSql sql) => _sql = sql;

    /// <summary>Stores the paper's metadata and its announcement on <see cref="Paper.ListingDate"/>.</summary>
    public void Upsert(Paper paper)
    {
        _sql.Run("""
            INSERT INTO papers (arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url)
            VALUES (@id, @title, @authors, @subjects, @abstract, @abs, @pdf)
            ON CONFLICT (arxiv_id) DO UPDATE SET title = excluded.title, authors = excluded.authors,
                subjects = excluded.subjects, abstract = excluded.abstract, abs_url = excluded.abs_url, pdf_url = excluded.pdf_url
            """,
            ("id", paper.Id.Value), ("title", paper.Title), ("authors", StoreJson.Write(paper.Authors)),
            ("subjects", StoreJson.Subjects(paper.Subjects)), ("abstract", paper.Abstract), ("abs", paper.AbsUrl), ("pdf", paper.PdfUrl));
        _sql.Run("""
            INSERT INTO announcements (listing_date, arxiv_id, crawl_order) VALUES (@date, @id, @order)
            ON CONFLICT (listing_date, arxiv_id) DO UPDATE SET crawl_order = excluded.crawl_order
            """,
            ("date", DigestWindow.Format(paper.ListingDate)), ("id", paper.Id.Value), ("order", paper.CrawlOrder));
    }

    /// <summary>Announces a paper the store already holds on a day, at its crawl place; the paper row is left as it is.</summary>
    public void Announce(DateOnly listingDate, ArxivId id, int crawlOrder, string? kind)
    {
        _sql.Run("""
            INSERT INTO announcements (listing_date, arxiv_id, crawl_order, kind) VALUES (@date, @id, @order, @kind)
            ON CONFLICT (listing_date, arxiv_id) DO UPDATE SET crawl_order = excluded.crawl_order, kind = COALESCE(excluded.kind, announcements.kind)
            """,
            ("date", DigestWindow.Format(listingDate)), ("id", id.Value), ("order", crawlOrder), ("kind", kind));
    }

    /// <summary>Records what the metadata API said about a paper, so a report (and the next run) can tell fetched from missing.</summary>
    public void RecordFetch(ArxivId id, string status, int? version, string? detail, DateTimeOffset at)
    {
        _sql.Run("""
            INSERT INTO arxiv_fetches (arxiv_id, status, version, detail, attempted_at) VALUES (@id, @status, @version, @detail, @at)
            ON CONFLICT (arxiv_id) DO UPDATE SET status = excluded.status, version = excluded.version, detail = excluded.detail, attempted_at = excluded.attempted_at
            """,
            ("id", id.Value), ("status", status), ("version", version), ("detail", detail), ("at", StoreTime.Utc(at)));
    }
}
