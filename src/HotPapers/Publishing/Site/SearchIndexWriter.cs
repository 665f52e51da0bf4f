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
    public static byte[] WriteUtf8(IEnumerable<ListedPaper> papers, IReadOnlyList<CategoryListing> categories, Func<string, int> score)
    {
        var list = papers.OrderByDescending(p => p.Paper.ListingDate).ThenBy(p => p.Paper.Id.Value, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 2);
            json.WriteStartObject("categories");
            foreach (var category in categories) json.WriteString(category.Code, category.Name ?? "");
            json.WriteEndObject();
            json.WriteStartArray("papers");
            json.Flush();
            buffer.WriteByte((byte)'\n');
            foreach (var listed in list)
            {
                var paper = listed.Paper;
                json.WriteStartObject();
                json.WriteString("id", paper.Id.Value);
                json.WriteString("t", paper.Title);
                json.WriteString("a", string.Join(", ", paper.Authors));
                json.WriteString("c", string.Join(' ', paper.Subjects.Select(s => s.Code).Distinct()));
                json.WriteNumber("s", score(paper.Id.Value));
                json.WriteString("d", listed.ListingDates.Count == 0 ? "" : DigestWindow.Format(listed.ListingDates[0]));
                json.WriteString("u", SitePaths.Paper(paper.Id));
                json.WriteEndObject();
                json.Flush();
                buffer.WriteByte((byte)'\n');
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
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
