using System.Globalization;
using System.Text.Json;
using HotPapers.Social.X;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// A v1.1 status (external-formats.md §4.6) turned into the X API v2 model, so one converter reads both: same
/// HTML-escaped text, same code-point offsets; media become URL entities with their media key, as in v2.
/// </summary>
public static class LegacyStatus
{
    public static (XTweet Tweet, XUser? Author) ToV2(JsonElement status)
    {
        var id = String(status, "id_str") ?? (status.TryGetProperty("id", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetRawText() : null)
            ?? throw new FormatException("the status has no id_str");
        var text = String(status, "full_text") ?? String(status, "text") ?? throw new FormatException($"status {id} has no full_text");
        var tweet = new XTweet
        {
            Id = id,
            Text = text,
            CreatedAt = String(status, "created_at") is { } created ? CreatedAt(created, id) : null,
            Lang = String(status, "lang"),
            PublicMetrics = new XPublicMetrics { RetweetCount = Int(status, "retweet_count"), LikeCount = Int(status, "favorite_count") },
            Entities = Entities(status),
        };
        if (status.TryGetProperty("retweeted_status", out var original) && original.ValueKind == JsonValueKind.Object && String(original, "id_str") is { } originalId)
            tweet.ReferencedTweets = [new XReferencedTweet { Type = "retweeted", Id = originalId }];
        XUser? author = null;
        if (status.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
            author = new XUser { Id = String(user, "id_str") ?? "", Name = String(user, "name") ?? "", Username = String(user, "screen_name") ?? "" };
        return (tweet, author);
    }

    /// <summary><c>Sun Feb 09 05:25:02 +0000 2020</c>, as ISO 8601 UTC.</summary>
    private static string CreatedAt(string text, string id) =>
        DateTimeOffset.TryParseExact(text, "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)
            : throw new FormatException($"status {id}: created_at '{text}' is not like 'Sun Feb 09 05:25:02 +0000 2020'");

    private static XEntities? Entities(JsonElement status)
    {
        if (!status.TryGetProperty("entities", out var e) || e.ValueKind != JsonValueKind.Object) return null;
        var entities = new XEntities();
        foreach (var u in Array(e, "urls"))
        {
            var (start, end) = Indices(u);
            (entities.Urls ??= []).Add(new XUrlEntity
            {
                Start = start, End = end, Url = String(u, "url") ?? "", ExpandedUrl = String(u, "expanded_url"), DisplayUrl = String(u, "display_url"),
            });
        }
        // extended_entities lists every photo; entities.media only the first. Only the t.co in the text matters here.
        foreach (var m in Array(e, "media"))
        {
            var (start, end) = Indices(m);
            (entities.Urls ??= []).Add(new XUrlEntity
            {
                Start = start, End = end, Url = String(m, "url") ?? "", ExpandedUrl = String(m, "expanded_url"),
                DisplayUrl = String(m, "display_url"), MediaKey = String(m, "id_str") ?? "media",
            });
        }
        foreach (var h in Array(e, "hashtags")) (entities.Hashtags ??= []).Add(Tag(h));
        foreach (var s in Array(e, "symbols")) (entities.Cashtags ??= []).Add(Tag(s));
        foreach (var m in Array(e, "user_mentions"))
        {
            var (start, end) = Indices(m);
            (entities.Mentions ??= []).Add(new XMentionEntity { Start = start, End = end, Username = String(m, "screen_name") ?? "", Id = String(m, "id_str") });
        }
        return entities;
    }

    private static XTagEntity Tag(JsonElement e)
    {
        var (start, end) = Indices(e);
        return new XTagEntity { Start = start, End = end, Tag = String(e, "text") ?? "" };
    }

    private static (int Start, int End) Indices(JsonElement e) =>
        e.TryGetProperty("indices", out var i) && i.ValueKind == JsonValueKind.Array && i.GetArrayLength() == 2
            ? (i[0].GetInt32(), i[1].GetInt32())
            : throw new FormatException("an entity has no [start, end] indices");

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    internal static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    internal static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32()
        : e.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : 0;
}
