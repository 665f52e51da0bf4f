using System.Globalization;
using System.Text.Json;
using HotPapers.Domain;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A paper as JSON (<c>api/papers/&lt;id&gt;.json</c>): metadata, listing dates, totals printed by digests,
/// the engagement history, and every post with all its snapshots. Property names are snake_case, as in the day JSON.
/// </summary>
public static class PaperJsonWriter
{
    public static string Write(PaperView view) => System.Text.Encoding.UTF8.GetString(WriteUtf8(view));

    /// <summary>The same text as UTF-8 bytes, straight from the JSON writer (the site writes these without a round trip through a string).</summary>
    public static byte[] WriteUtf8(PaperView view) => PublishedJson.Write(view, static (json, view) =>
    {
        var paper = view.Paper;
        json.WriteStartObject();
        json.WriteString("id", paper.Id.Value);
        json.WriteString("title", paper.Title);
        json.WriteStartArray("authors");
        foreach (var author in paper.Authors) json.WriteStringValue(author);
        json.WriteEndArray();
        json.WriteStartArray("categories");
        foreach (var subject in paper.Subjects)
        {
            json.WriteStartObject();
            json.WriteString("code", subject.Code);
            if (subject.Name is null) json.WriteNull("name"); else json.WriteString("name", subject.Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("abs_url", paper.AbsUrl);
        if (paper.PdfUrl is null) json.WriteNull("pdf_url"); else json.WriteString("pdf_url", paper.PdfUrl);
        json.WriteString("abstract", paper.Abstract);
        json.WriteStartArray("listing_dates");
        foreach (var day in view.Listed.ListingDates) json.WriteStringValue(DigestWindow.Format(day));
        json.WriteEndArray();
        json.WriteStartArray("reported_totals");
        foreach (var reported in view.Activity.Reported)
        {
            json.WriteStartObject();
            json.WriteString("date_str", reported.WindowKey);
            json.WriteNumber("retweets", reported.Reposts);
            json.WriteNumber("favorites", reported.Likes);
            json.WriteString("measured_at", reported.MeasuredAtLocal.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("history");
        foreach (var point in view.History)
        {
            json.WriteStartObject();
            json.WriteString("at", Utc(point.At));
            json.WriteNumber("retweets", point.Reposts);
            json.WriteNumber("favorites", point.Likes);
            json.WriteString("source", point.IsReported ? "digest" : "snapshots");
            if (point.WindowKey is not null) json.WriteString("date_str", point.WindowKey);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("posts");
        foreach (var linked in view.Activity.Posts)
        {
            var post = linked.Post;
            json.WriteStartObject();
            json.WriteString("platform", post.Platform);
            json.WriteString("id", post.PostId);
            json.WriteString("handle", post.AuthorHandle);
            json.WriteString("name", post.AuthorName);
            json.WriteString("created_at", Utc(post.CreatedAt));
            json.WriteString("lang", post.Lang);
            json.WriteString("text", post.Text);
            if (post.RepostOf is null) json.WriteNull("repost_of"); else json.WriteString("repost_of", post.RepostOf);
            json.WriteStartArray("snapshots");
            foreach (var snapshot in linked.Snapshots)
            {
                json.WriteStartObject();
                json.WriteString("measured_at", Utc(snapshot.MeasuredAt));
                json.WriteNumber("retweets", snapshot.Reposts);
                json.WriteNumber("favorites", snapshot.Likes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
