using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The index the search page loads: the category names once, then per paper its id, title, authors, category
/// codes, score, newest listing date and page, one line per paper because it is the one file every search
/// downloads. The browser normalises and ranks (<c>assets/search.js</c>); the file stays plain stored text.
/// </summary>
public static class SearchIndexWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<ListedPaper> papers, IReadOnlyDictionary<string, PaperActivity> activity) => System.Text.Encoding.UTF8.GetString(WriteUtf8(papers, activity));

    /// <summary>The same text as UTF-8 bytes, straight from the JSON writer (the site writes these without a round trip through a string).</summary>
    public static byte[] WriteUtf8(IEnumerable<ListedPaper> papers, IReadOnlyDictionary<string, PaperActivity> activity) =>
        WriteUtf8(papers, id => Score(activity.TryGetValue(id, out var a) ? a : PaperActivity.None));

    /// <summary>The index with each paper's <see cref="Score"/> given by id (an incremental build keeps unchanged papers' scores).</summary>
    public static byte[] WriteUtf8(IEnumerable<ListedPaper> papers, Func<string, int> score)
    {
        var list = papers.ToList();
        return WriteUtf8(list, SiteModel.Categories(list), score);
    }

    /// <summary>The same, with the papers' categories already grouped (<see cref="SiteModel.Categories"/> of the same papers).</summary>
    public static byte[] WriteUtf8(IEnumerable<ListedPaper> papers, IReadOnlyList<CategoryListing> categories, Func<string, int> score) =>
        WriteUtf8(SiteModel.NewestFirst(papers), categories, score, kept: null);

    /// <summary>
    /// The index of papers already in <see cref="SiteModel.NewestFirst"/> order. <paramref name="kept"/> holds, by id,
    /// the entries an earlier index wrote for papers that have not changed since (<see cref="Entries"/>): they are
    /// copied, not written again, as they are what this writer would write for them.
    /// </summary>
    internal static byte[] WriteUtf8(IReadOnlyList<ListedPaper> newestFirst, IReadOnlyList<CategoryListing> categories, Func<string, int> score,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? kept)
    {
        using var buffer = new MemoryStream(256 * (newestFirst.Count + 1));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 2);
            json.WriteStartObject("categories");
            foreach (var category in categories) json.WriteString(category.Code, category.Name ?? "");
            json.WriteEndObject();
            json.WriteStartArray("papers");
        }
        buffer.WriteByte((byte)'\n');
        // One entry a line: each one written alone, as a JSON writer would write it inside the array.
        var entry = new ArrayBufferWriter<byte>(1024);
        using var entryJson = new Utf8JsonWriter(entry, Options);
        for (var i = 0; i < newestFirst.Count; i++)
        {
            if (i > 0) buffer.WriteByte((byte)',');
            var paper = newestFirst[i].Paper;
            if (kept is not null && kept.TryGetValue(paper.Id.Value, out var copy))
            {
                buffer.Write(copy.Span);
            }
            else
            {
                entry.ResetWrittenCount();
                entryJson.Reset();
                WriteEntry(entryJson, newestFirst[i], score(paper.Id.Value));
                entryJson.Flush();
                buffer.Write(entry.WrittenSpan);
            }
            buffer.WriteByte((byte)'\n');
        }
        buffer.Write("]}\n"u8);
        return buffer.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, ListedPaper listed, int score)
    {
        var paper = listed.Paper;
        json.WriteStartObject();
        json.WriteString("id", paper.Id.Value);
        json.WriteString("t", paper.Title);
        json.WriteString("a", string.Join(", ", paper.Authors));
        json.WriteString("c", string.Join(' ', paper.Subjects.Select(s => s.Code).Distinct()));
        json.WriteNumber("s", score);
        json.WriteString("d", listed.ListingDates.Count == 0 ? "" : DigestWindow.Format(listed.ListingDates[0]));
        json.WriteString("u", SitePaths.Paper(paper.Id));
        json.WriteEndObject();
    }

    /// <summary>
    /// The entry of each paper in an index this writer wrote, by id (slices of <paramref name="index"/>); null when
    /// the bytes are not laid out as it writes them.
    /// </summary>
    internal static Dictionary<string, ReadOnlyMemory<byte>>? Entries(byte[] index)
    {
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var prefix = "{\"id\":\""u8;
        var at = Array.IndexOf(index, (byte)'\n') + 1;
        if (at <= 0) return null;
        while (at < index.Length)
        {
            var length = Array.IndexOf(index, (byte)'\n', at) - at;
            if (length < 0) return null;
            var line = index.AsSpan(at, length);
            if (line.SequenceEqual("]}"u8) && at + length + 1 == index.Length) return entries;
            var start = at + (line.Length > 0 && line[0] == (byte)',' ? 1 : 0);
            var item = index.AsSpan(start, at + length - start);
            if (!item.StartsWith(prefix)) return null;
            var idLength = item[prefix.Length..].IndexOf((byte)'"');
            if (idLength <= 0) return null;
            entries[System.Text.Encoding.UTF8.GetString(item.Slice(prefix.Length, idLength))] = new ReadOnlyMemory<byte>(index, start, item.Length);
            at += length + 1;
        }
        return null;
    }

    /// <summary>
    /// The score search ranks by: the latest counts of its original posts summed (as the history's last point),
    /// or the highest total a published digest printed, whichever is larger.
    /// </summary>
    public static int Score(PaperActivity activity)
    {
        long measured = activity.Posts.Where(p => p.Post.RepostOf is null && p.Latest is not null).Sum(p => (long)p.Latest!.Score);
        var printed = activity.Reported.Count == 0 ? 0 : activity.Reported.Max(r => r.Score);
        return (int)Math.Min(int.MaxValue, Math.Max(measured, printed));
    }
}
