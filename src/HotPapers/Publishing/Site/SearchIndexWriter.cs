using System.Text.Encodings.Web;
using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The small index the search page loads: per paper its id, title, authors, newest listing date and page,
/// compact (one line per paper) because it is the one file every search downloads.
/// </summary>
public static class SearchIndexWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<ListedPaper> papers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var listed in papers.OrderByDescending(p => p.Paper.ListingDate).ThenBy(p => p.Paper.Id.Value, StringComparer.Ordinal))
            {
                var paper = listed.Paper;
                json.WriteStartObject();
                json.WriteString("id", paper.Id.Value);
                json.WriteString("t", paper.Title);
                json.WriteString("a", string.Join(", ", paper.Authors));
                json.WriteString("d", listed.ListingDates.Count == 0 ? "" : DigestWindow.Format(listed.ListingDates[0]));
                json.WriteString("u", SitePaths.Paper(paper.Id));
                json.WriteEndObject();
                json.Flush();
                buffer.WriteByte((byte)'\n');
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
