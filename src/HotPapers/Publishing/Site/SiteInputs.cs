using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A content hash of everything the store holds that a site page is built from, per paper and per window,
/// read as raw rows in one pass over each table (no parsing, no ranking). The manifest keeps the keys each
/// output was built from, so a rebuild redoes exactly the outputs whose inputs changed: a new day, a past day
/// re-measured or re-imported, a paper whose posts or counts moved.
/// </summary>
internal sealed class SiteInputs
{
    /// <summary>Per arXiv id: its row, listings, linked posts (each with its snapshots and embed) and printed totals.</summary>
    public required IReadOnlyDictionary<string, byte[]> Papers { get; init; }

    /// <summary>Per window key (date_str): its digest row, printed papers and embeds, and fixed totals.</summary>
    public required IReadOnlyDictionary<string, byte[]> Windows { get; init; }

    /// <summary>Per window key: the papers its printed list or fixed totals name (beside the papers announced in it).</summary>
    public required IReadOnlyDictionary<string, List<string>> WindowPapers { get; init; }

    /// <summary>Per listing date: the papers announced on it.</summary>
    public required IReadOnlyDictionary<DateOnly, List<string>> Announced { get; init; }

    public static SiteInputs Read(HotPapersStore store)
    {
        var sql = store.Sql;
        var posts = Combine(
            Group(sql, "SELECT platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source FROM social_posts ORDER BY platform, post_id", 2),
            Group(sql, "SELECT platform, post_id, reposts, likes, measured_at FROM engagement_snapshots ORDER BY platform, post_id, measured_at", 2),
            Group(sql, "SELECT platform, post_id, html, source FROM embeds ORDER BY platform, post_id", 2));
        var announced = new Dictionary<DateOnly, List<string>>();
        foreach (var (day, id) in sql.Rows("SELECT listing_date, arxiv_id FROM announcements ORDER BY listing_date, arxiv_id", r => (r.GetString(0), r.GetString(1))))
        {
            if (!DigestWindow.TryParseDate(day, out var date)) continue;
            if (!announced.TryGetValue(date, out var list)) announced[date] = list = [];
            list.Add(id);
        }
        var papers = Combine(
            Group(sql, "SELECT arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url FROM papers ORDER BY arxiv_id", 1),
            Group(sql, "SELECT arxiv_id, listing_date, crawl_order, kind FROM announcements ORDER BY arxiv_id, listing_date", 1),
            Group(sql, "SELECT arxiv_id, platform, post_id, embed_order FROM paper_posts ORDER BY arxiv_id, platform, post_id", 1,
                r => posts.TryGetValue(r.GetString(1) + Unit + r.GetString(2), out var post) ? post : null),
            Group(sql, "SELECT arxiv_id, window_key, reposts, likes, measured_at, source FROM reported_totals ORDER BY arxiv_id, window_key", 1));
        var windows = Combine(
            Group(sql, "SELECT window_key, window_start, window_end, generated_at, source, layout FROM digests ORDER BY window_key", 1),
            Group(sql, "SELECT window_key, rank, arxiv_id, title, authors, subjects, abstract, abs_url, pdf_url FROM printed_papers ORDER BY window_key, rank", 1),
            Group(sql, "SELECT window_key, rank, position, platform, post_id, html FROM printed_embeds ORDER BY window_key, rank, position", 1),
            Group(sql, "SELECT window_key, arxiv_id, reposts, likes, measured_at, source FROM reported_totals ORDER BY window_key, arxiv_id", 1));
        var windowPapers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, id) in sql.Rows("SELECT window_key, arxiv_id FROM printed_papers UNION SELECT window_key, arxiv_id FROM reported_totals ORDER BY 1, 2", r => (r.GetString(0), r.GetString(1))))
        {
            if (!windowPapers.TryGetValue(key, out var list)) windowPapers[key] = list = [];
            list.Add(id);
        }
        return new SiteInputs { Papers = papers, Windows = windows, WindowPapers = windowPapers, Announced = announced };
    }

    /// <summary>
    /// The key of everything a day's page, JSON and image show: its own rows, the papers it ranks, its neighbours
    /// (the page links them), and, for a day with no stored digest, the clock (its JSON prints the generation time).
    /// </summary>
    public string DayKey(string global, DigestWindow window, DigestWindow? older, DigestWindow? newer, DateTimeOffset now)
    {
        var text = new StringBuilder(global).Append(Unit).Append(window.FileStem).Append(Unit).Append(older?.FileStem).Append(Unit).Append(newer?.FileStem).Append(Unit);
        if (Windows.TryGetValue(window.DateStr, out var own)) text.Append(Convert.ToHexStringLower(own));
        else text.Append("clock ").Append(now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        for (var day = window.Start; day <= window.End; day = day.AddDays(1))
            if (Announced.TryGetValue(day, out var list)) ids.UnionWith(list);
        if (WindowPapers.TryGetValue(window.DateStr, out var named)) ids.UnionWith(named);
        foreach (var id in ids) text.Append(Record).Append(id).Append(Unit).Append(Papers.TryGetValue(id, out var p) ? Convert.ToHexStringLower(p) : "");
        return Hash(text.ToString());
    }

    public string PaperKey(string global, string id) => Hash(global + Unit + id + Unit + (Papers.TryGetValue(id, out var p) ? Convert.ToHexStringLower(p) : ""));

    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes)[..16]);

    private const char Unit = '\u001f', Record = '\u001e';

    /// <summary>
    /// Hashes each row's columns into the group of its first <paramref name="keyColumns"/> columns (the query
    /// orders by them, so a group's rows come together); <paramref name="extra"/> adds a derived value per row.
    /// Values stream from the reader into the hash: this runs over every stored post and snapshot.
    /// </summary>
    private static Dictionary<string, byte[]> Group(StoreSql sql, string query, int keyColumns, Func<DbDataReader, byte[]?>? extra = null)
    {
        var groups = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var command = sql.Command(query);
        using var reader = command.ExecuteReader();
        // A group's bytes collect here and are hashed once when the group ends (one hash call per paper or post).
        var bytes = new byte[64 * 1024];
        var length = 0;
        void Append(ReadOnlySpan<char> text)
        {
            var most = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
            if (bytes.Length - length < most) Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + most));
            length += Encoding.UTF8.GetBytes(text, bytes.AsSpan(length));
            bytes[length++] = (byte)Unit;
        }
        string? current = null;
        while (reader.Read())
        {
            var key = keyColumns == 1 ? reader.GetString(0) : reader.GetString(0) + Unit + reader.GetString(1);
            if (key != current)
            {
                if (current is not null) groups[current] = SHA256.HashData(bytes.AsSpan(0, length));
                current = key;
                length = 0;
            }
            for (var i = keyColumns; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i)) Append("\u0000");
                else if (reader.GetFieldType(i) == typeof(string)) Append(reader.GetString(i));
                else Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            }
            if (extra?.Invoke(reader) is { } more) Append(Convert.ToHexStringLower(more));
            Append([Record]);
        }
        if (current is not null) groups[current] = SHA256.HashData(bytes.AsSpan(0, length));
        return groups;
    }

    /// <summary>One key per group from the parts each table gave it (a group missing from a table adds an empty part).</summary>
    private static Dictionary<string, byte[]> Combine(params Dictionary<string, byte[]>[] parts)
    {
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var joined = new byte[parts.Length * 33];
        foreach (var key in parts.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal))
        {
            Array.Clear(joined);
            for (var i = 0; i < parts.Length; i++)
                if (parts[i].TryGetValue(key, out var h)) { h.CopyTo(joined, i * 33); joined[i * 33 + 32] = 1; }
            all[key] = SHA256.HashData(joined);
        }
        return all;
    }
}
