using System.Globalization;
using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Publishing;

/// <summary>
/// The same day as the Markdown post, as structured JSON: papers in rank order with their numbers, and the posts
/// shown for each with plain text and entities (code-point offsets). Property names are snake_case and stable.
/// </summary>
public static class DigestJsonWriter
{
    public static string Write(RankedDigest digest) => System.Text.Encoding.UTF8.GetString(WriteUtf8(digest));

    /// <summary>The same text as UTF-8 bytes, straight from the JSON writer (the site writes these without a round trip through a string).</summary>
    public static byte[] WriteUtf8(RankedDigest digest) => PublishedJson.Write(digest, static (json, digest) =>
    {
        json.WriteStartObject();
        json.WriteString("date_str", digest.Window.DateStr);
        json.WriteString("start", DigestWindow.Format(digest.Window.Start));
        json.WriteString("end", DigestWindow.Format(digest.Window.End));
        json.WriteString("generated_at", Iso(digest.GeneratedAt));
        json.WriteStartArray("papers");
        foreach (var paper in digest.Papers) WritePaper(json, paper);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WritePaper(Utf8JsonWriter json, RankedPaper ranked)
    {
        var candidate = ranked.Candidate;
        var paper = candidate.Paper;
        json.WriteStartObject();
        json.WriteNumber("rank", ranked.Rank);
        json.WriteString("id", paper.Id.Value);
        json.WriteString("title", paper.Title);
        json.WriteStartArray("authors");
        foreach (var author in paper.Authors) json.WriteStringValue(author);
        json.WriteEndArray();
        json.WriteStartArray("categories");
        foreach (var subject in paper.Subjects) json.WriteStringValue(subject.Code);
        json.WriteEndArray();
        json.WriteString("abs_url", paper.AbsUrl);
        if (paper.PdfUrl is null) json.WriteNull("pdf_url"); else json.WriteString("pdf_url", paper.PdfUrl);
        json.WriteNumber("retweets", candidate.Reposts);
        json.WriteNumber("favorites", candidate.Likes);
        json.WriteString("measured_at", Iso(candidate.MeasuredAt));
        json.WriteString("abstract", paper.Abstract);
        json.WriteStartArray("posts");
        foreach (var shown in ranked.Posts) WritePost(json, shown.Candidate);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePost(Utf8JsonWriter json, CandidatePost candidate)
    {
        var post = candidate.Post;
        json.WriteStartObject();
        json.WriteString("platform", post.Platform);
        json.WriteString("id", post.PostId);
        json.WriteString("handle", post.AuthorHandle);
        json.WriteString("name", post.AuthorName);
        json.WriteString("created_at", post.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteString("created_date", post.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("lang", post.Lang);
        json.WriteString("dir", post.Dir);
        json.WriteString("text", post.Text);
        if (candidate.Counts is { } counts)
        {
            json.WriteNumber("retweets", counts.Reposts);
            json.WriteNumber("favorites", counts.Likes);
        }
        json.WriteStartArray("entities");
        foreach (var entity in post.Entities)
        {
            json.WriteStartObject();
            json.WriteString("type", entity.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("start", entity.Start);
            json.WriteNumber("end", entity.End);
            json.WriteString("value", entity.Value);
            if (entity.Display is not null) json.WriteString("display", entity.Display);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Iso(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
