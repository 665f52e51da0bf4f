using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>A paper with every listing date it was announced on, newest first (<see cref="Paper.ListingDate"/> is the newest).</summary>
public sealed record ListedPaper(Paper Paper, IReadOnlyList<DateOnly> ListingDates);

/// <summary>
/// A paper as a listing showed it on a day, before (or without) its metadata. <see cref="Kind"/> is <c>new</c> or
/// <c>cross</c>; what the source did not show is empty (<see cref="Subjects"/>) or null (<see cref="HasPdf"/>).
/// <see cref="Discussed"/>: some stored post links it.
/// </summary>
public sealed record ListedEntry(
    DateOnly ListingDate, ArxivId Id, int CrawlOrder, string Kind, string Title, IReadOnlyList<string> Authors,
    IReadOnlyList<Subject> Subjects, bool? HasPdf, bool Discussed = false);

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
            var paper = new Paper(ArxivId.Parse(key), r.GetString(1), StoreJsonReader.Strings(r.GetString(2)),
                StoreJsonReader.Subjects(r.GetString(3)), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), listed.Count == 0 ? DateOnly.MinValue : listed[0], 0);
            return new ListedPaper(paper, listed);
        }, id);
    }

    /// <summary>
    /// The papers listed on a day that the store holds no metadata for, in crawl order, each with whether a stored
    /// post links it (only those are worth an API request in the daily job).
    /// </summary>
    public IReadOnlyList<ListedEntry> ListedWithoutMetadata(DateOnly listingDate) =>
        _sql.Rows("""
            SELECT l.arxiv_id, l.crawl_order, l.kind, l.title, l.authors, l.subjects, l.has_pdf,
                EXISTS (SELECT 1 FROM post_arxiv_links k JOIN social_posts s ON s.platform = k.platform AND s.post_id = k.post_id
                        WHERE k.arxiv_id = l.arxiv_id)
            FROM listed_papers l
            WHERE l.listing_date = @date AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.arxiv_id = l.arxiv_id)
            ORDER BY l.crawl_order
            """, r => new ListedEntry(listingDate, ArxivId.Parse(r.GetString(0)), r.GetInt32(1), r.GetString(2), r.GetString(3),
                StoreJsonReader.Strings(r.GetString(4)), StoreJsonReader.Subjects(r.GetString(5)),
                r.IsDBNull(6) ? null : r.GetInt32(6) != 0, Convert.ToBoolean(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture)),
            ("date", DigestWindow.Format(listingDate)));

    /// <summary>
    /// The ids of the papers listed or announced in a window, in the order of <see cref="LoadAnnounced"/> (listing date,
    /// crawl place, id; the first listing of each kept), whether or not their metadata is stored yet: what the social
    /// sources search for. Days stored before listings were kept (or imported) are read from the announcements.
    /// </summary>
    internal List<ArxivId> LoadListedIds(DigestWindow window)
    {
        var rows = _sql.Rows("""
            SELECT listing_date, crawl_order, arxiv_id FROM listed_papers WHERE listing_date >= @start AND listing_date <= @end
            UNION
            SELECT listing_date, crawl_order, arxiv_id FROM announcements WHERE listing_date >= @start AND listing_date <= @end
            """, r => (Date: r.GetString(0), Order: r.GetInt32(1), Id: r.GetString(2)),
            ("start", DigestWindow.Format(window.Start)), ("end", DigestWindow.Format(window.End)));
        // Sorted here, not in SQL, so that text collation (which differs between databases) plays no part.
        rows.Sort((a, b) => string.CompareOrdinal(a.Date, b.Date) is var byDate and not 0 ? byDate
            : a.Order.CompareTo(b.Order) is var byOrder and not 0 ? byOrder : string.CompareOrdinal(a.Id, b.Id));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return rows.Where(r => seen.Add(r.Id)).Select(r => ArxivId.Parse(r.Id)).ToList();
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
            """, r => (new Paper(ArxivId.Parse(r.GetString(0)), r.GetString(1), StoreJsonReader.Strings(r.GetString(2)),
                StoreJsonReader.Subjects(r.GetString(3)), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
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

    /// <summary>Keeps how a listing showed a paper on a day, at its crawl place (no metadata needed).</summary>
    public void List(ListedEntry entry)
    {
        _sql.Run("""
            INSERT INTO listed_papers (listing_date, arxiv_id, crawl_order, kind, title, authors, subjects, has_pdf)
            VALUES (@date, @id, @order, @kind, @title, @authors, @subjects, @pdf)
            ON CONFLICT (listing_date, arxiv_id) DO UPDATE SET crawl_order = excluded.crawl_order, kind = excluded.kind,
                title = excluded.title, authors = excluded.authors, subjects = excluded.subjects, has_pdf = excluded.has_pdf
            """,
            ("date", DigestWindow.Format(entry.ListingDate)), ("id", entry.Id.Value), ("order", entry.CrawlOrder), ("kind", entry.Kind),
            ("title", entry.Title), ("authors", StoreJson.Write(entry.Authors)), ("subjects", StoreJson.Subjects(entry.Subjects)),
            ("pdf", entry.HasPdf is { } pdf ? (pdf ? 1 : 0) : null));
    }

    /// <summary>
    /// Announces the papers listed on a day that the store now holds and that lack that day's announcement: over a
    /// range, a paper listed on two days is fetched once, for the first, and still belongs to both. Returns rows added.
    /// </summary>
    public int AnnounceListedHeld(DateOnly listingDate) =>
        _sql.RunCount("""
            INSERT INTO announcements (listing_date, arxiv_id, crawl_order, kind)
            SELECT l.listing_date, l.arxiv_id, l.crawl_order, l.kind FROM listed_papers l
            WHERE l.listing_date = @date AND EXISTS (SELECT 1 FROM papers p WHERE p.arxiv_id = l.arxiv_id)
            ON CONFLICT (listing_date, arxiv_id) DO NOTHING
            """, ("date", DigestWindow.Format(listingDate)));

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
