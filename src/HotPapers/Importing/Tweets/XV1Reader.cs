using System.Globalization;
using System.Text.Json;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// Legacy v1.1 statuses (external-formats.md §4.6), read by mapping each onto an X API v2 tweet object and
/// converting that with <see cref="XTweetConverter"/>: the same unescaping, code-point offsets and paper finding
/// as v2. <c>indices</c> become <c>start</c>/<c>end</c>, all media (from <c>extended_entities</c> when present) become
/// media links, <c>retweet_count</c>/<c>favorite_count</c> the counts. A retweet yields its original too, since the
/// retweet's own <c>full_text</c> is cut.
/// </summary>
internal static class XV1Reader
{
    private const string TimeFormat = "ddd MMM dd HH:mm:ss zzz yyyy";

    public static void Read(JsonElement status, RecordSink sink, string where = "", DateTimeOffset? measuredAt = null)
    {
        List<ImportedTweet> read;
        try
        {
            read = Convert(status, measuredAt, PostSource.Api);
        }
        catch (TweetRecordException e)
        {
            sink.Problem(where + e.Message);
            return;
        }
        foreach (var tweet in read) sink.Add(tweet);
    }

    /// <summary>The status, preceded by its original when it is a retweet carrying one.</summary>
    public static List<ImportedTweet> Convert(JsonElement status, DateTimeOffset? measuredAt, PostSource source, string path = "")
    {
        if (status.ValueKind != JsonValueKind.Object) throw new TweetRecordException($"expected a status object, found {JsonValues.Kind(status)}");
        var id = JsonValues.Id(status, "id_str") ?? JsonValues.Id(status, "id") ?? throw new TweetRecordException(path + "status has no id_str");
        var createdText = JsonValues.String(status, "created_at", path + "created_at") ?? throw new TweetRecordException(path + "created_at is missing");
        if (!TryParseTime(createdText, out var created))
            throw new TweetRecordException($"{path}created_at '{createdText}' is not a v1.1 time such as 'Sun Feb 09 05:25:02 +0000 2020'");
        var text = JsonValues.String(status, "full_text", path + "full_text") ?? JsonValues.String(status, "text", path + "text")
            ?? throw new TweetRecordException(path + "status has no full_text or text");
        var user = JsonValues.Object(status, "user");

        var results = new List<ImportedTweet>();
        List<XReferencedTweet>? referenced = null;
        if (JsonValues.Object(status, "retweeted_status") is { } original)
        {
            results.AddRange(Convert(original, measuredAt, source, path + "retweeted_status."));
            referenced = [new XReferencedTweet { Type = "retweeted", Id = results[^1].Post.PostId }];
        }

        var reposts = JsonValues.Count(status, "retweet_count", path + "retweet_count");
        var likes = JsonValues.Count(status, "favorite_count", path + "favorite_count");
        var tweet = new XTweet
        {
            Id = id,
            Text = text,
            CreatedAt = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            Lang = JsonValues.String(status, "lang", path + "lang"),
            Entities = Entities(status, path),
            PublicMetrics = reposts is null && likes is null ? null : new XPublicMetrics { RetweetCount = reposts ?? 0, LikeCount = likes ?? 0 },
            ReferencedTweets = referenced,
        };
        var author = user is { } u
            ? new XUser
            {
                Id = JsonValues.Id(u, "id_str") ?? "",
                Name = JsonValues.String(u, "name", path + "user.name") ?? "",
                Username = JsonValues.String(u, "screen_name", path + "user.screen_name") ?? "",
            }
            : null;
        XReadTweet read;
        try
        {
            read = XTweetConverter.Read(tweet, author);
        }
        catch (FormatException e)
        {
            throw new TweetRecordException(path + e.Message);
        }
        results.Add(new ImportedTweet(read.Post, source, read.Papers,
            reposts is null || likes is null ? null : reposts, reposts is null || likes is null ? null : likes, measuredAt));
        return results;
    }

    public static bool TryParseTime(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);

    private static XEntities? Entities(JsonElement status, string path)
    {
        var entities = JsonValues.Object(status, "entities");
        var extended = JsonValues.Object(status, "extended_entities");
        if (entities is null && extended is null) return null;
        var result = new XEntities();
        if (entities is { } e)
        {
            foreach (var (u, i) in Indexed(JsonValues.Array(e, "urls", path + "entities.urls")))
            {
                var (start, end) = Indices(u, $"{path}entities.urls[{i}]");
                (result.Urls ??= []).Add(new XUrlEntity
                {
                    Start = start, End = end,
                    Url = JsonValues.String(u, "url", $"{path}entities.urls[{i}].url") ?? throw new TweetRecordException($"{path}entities.urls[{i}] has no url"),
                    ExpandedUrl = JsonValues.String(u, "expanded_url", $"{path}entities.urls[{i}].expanded_url"),
                    DisplayUrl = JsonValues.String(u, "display_url", $"{path}entities.urls[{i}].display_url"),
                });
            }
            foreach (var (h, i) in Indexed(JsonValues.Array(e, "hashtags", path + "entities.hashtags")))
            {
                var (start, end) = Indices(h, $"{path}entities.hashtags[{i}]");
                (result.Hashtags ??= []).Add(new XTagEntity { Start = start, End = end, Tag = JsonValues.String(h, "text", $"{path}entities.hashtags[{i}].text") ?? "" });
            }
            foreach (var (s, i) in Indexed(JsonValues.Array(e, "symbols", path + "entities.symbols")))
            {
                var (start, end) = Indices(s, $"{path}entities.symbols[{i}]");
                (result.Cashtags ??= []).Add(new XTagEntity { Start = start, End = end, Tag = JsonValues.String(s, "text", $"{path}entities.symbols[{i}].text") ?? "" });
            }
            foreach (var (m, i) in Indexed(JsonValues.Array(e, "user_mentions", path + "entities.user_mentions")))
            {
                var (start, end) = Indices(m, $"{path}entities.user_mentions[{i}]");
                (result.Mentions ??= []).Add(new XMentionEntity
                {
                    Start = start, End = end, Username = JsonValues.String(m, "screen_name", $"{path}entities.user_mentions[{i}].screen_name") ?? "",
                });
            }
        }
        var (media, mediaPath) = extended is { } x && x.TryGetProperty("media", out _)
            ? (JsonValues.Array(x, "media", path + "extended_entities.media"), path + "extended_entities.media")
            : (entities is { } en ? JsonValues.Array(en, "media", path + "entities.media") : [], path + "entities.media");
        foreach (var (m, i) in Indexed(media))
        {
            var (start, end) = Indices(m, $"{mediaPath}[{i}]");
            (result.Urls ??= []).Add(new XUrlEntity
            {
                Start = start, End = end,
                Url = JsonValues.String(m, "url", $"{mediaPath}[{i}].url") ?? throw new TweetRecordException($"{mediaPath}[{i}] has no url"),
                ExpandedUrl = JsonValues.String(m, "expanded_url", $"{mediaPath}[{i}].expanded_url"),
                DisplayUrl = JsonValues.String(m, "display_url", $"{mediaPath}[{i}].display_url"),
                MediaKey = JsonValues.Id(m, "id_str") ?? "media",
            });
        }
        return result;
    }

    private static (int Start, int End) Indices(JsonElement entity, string path)
    {
        if (entity.ValueKind != JsonValueKind.Object) throw new TweetRecordException($"{path} is {JsonValues.Kind(entity)}, not an entity");
        if (!entity.TryGetProperty("indices", out var v) || v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 2
            || v[0].ValueKind != JsonValueKind.Number || v[1].ValueKind != JsonValueKind.Number
            || !v[0].TryGetInt32(out var start) || !v[1].TryGetInt32(out var end) || start < 0 || end < start)
            throw new TweetRecordException($"{path}.indices is not a [start, end] pair");
        return (start, end);
    }

    private static IEnumerable<(JsonElement Value, int Index)> Indexed(IEnumerable<JsonElement> items) => items.Select((v, i) => (v, i));
}
