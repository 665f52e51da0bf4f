using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// twint's JSONL (external-formats.md §4.7). twint keeps no entity offsets and mangles the text, so:
/// the time comes from the Snowflake id (<c>created_at</c> is the scraping machine's local time, only used for
/// pre-Snowflake ids); the handle from <c>link</c>, which keeps its case (<c>username</c> is lowercased); the text
/// has twint's inserted space before each link undone; t.co links, and the hashtags, cashtags and mentions twint
/// listed, are located in the text to make entities at code-point offsets; papers come from <c>urls</c> (expanded)
/// and the text.
/// </summary>
internal static partial class TwintReader
{
    public static void Read(JsonElement record, RecordSink sink)
    {
        try
        {
            sink.Add(Convert(record));
        }
        catch (TweetRecordException e)
        {
            sink.Problem(e.Message);
        }
    }

    private static ImportedTweet Convert(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object) throw new TweetRecordException($"expected a twint tweet object, found {JsonValues.Kind(record)}");
        var id = JsonValues.Id(record, "id") ?? throw new TweetRecordException("id is missing");
        var raw = JsonValues.String(record, "tweet") ?? throw new TweetRecordException("tweet (the text) is missing");
        var created = CreatedAt(record, id);
        var text = UndoLinkSpacing(raw);
        var handle = HandleFromLink(JsonValues.String(record, "link"), id) ?? JsonValues.String(record, "username") ?? "i";
        var lang = JsonValues.String(record, "language") is { Length: > 0 } l ? l : "und";
        var urls = JsonValues.Array(record, "urls").Select((u, i) => u.ValueKind == JsonValueKind.String ? u.GetString()! : throw new TweetRecordException($"urls[{i}] is {JsonValues.Kind(u)}, not a string")).ToList();
        var reposts = JsonValues.Count(record, "retweets_count");
        var likes = JsonValues.Count(record, "likes_count");
        var repostOf = record.TryGetProperty("retweet", out var rt) && rt.ValueKind == JsonValueKind.True && JsonValues.String(record, "retweet_id") is { Length: > 0 } rid ? rid : null;
        var post = new SocialPost(SocialPost.X, id, handle, JsonValues.String(record, "name") ?? "", created, lang, XText.DirOf(lang), text,
            Entities(record, text), repostOf);
        var papers = ArxivIdExtractor.DistinctIds(urls.Append(text));
        // twint's text is mangled (newlines lost): like a post read back from embed HTML, it never overwrites an API copy.
        return new ImportedTweet(post, PostSource.Embed, papers, reposts is null || likes is null ? null : reposts, reposts is null || likes is null ? null : likes, null);
    }

    private static DateTimeOffset CreatedAt(JsonElement record, string id)
    {
        if (Snowflake.TryGetCreatedAt(id, out var fromId)) return fromId;
        // Before Snowflakes (2010): old twint wrote epoch milliseconds, newer twint "2021-09-15 04:53:00 EDT" plus "timezone".
        if (record.TryGetProperty("created_at", out var c))
        {
            if (c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
            if (c.ValueKind == JsonValueKind.String && c.GetString() is { Length: >= 19 } s
                && DateTime.TryParseExact(s[..19], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                && JsonValues.String(record, "timezone") is { Length: 5 } zone
                && TimeSpan.TryParseExact(zone[1..], "hhmm", CultureInfo.InvariantCulture, out var offset))
                return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset).ToUniversalTime();
            throw new TweetRecordException($"created_at {c.GetRawText()} is not a time, and id {id} is older than Snowflake ids");
        }
        throw new TweetRecordException($"created_at is missing, and id {id} is older than Snowflake ids");
    }

    /// <summary>twint writes " http" for every "http" and " pic.twitter" for "pic.twitter": a doubled space or a leading space before a link is its doing.</summary>
    internal static string UndoLinkSpacing(string text)
    {
        var fixedText = InsertedSpace().Replace(text, "$1$2");
        return fixedText;
    }

    private static string? HandleFromLink(string? link, string id)
    {
        if (link is null) return null;
        var match = StatusLink().Match(link);
        return match.Success && match.Groups["id"].Value == id ? match.Groups["handle"].Value : null;
    }

    private static List<PostEntity> Entities(JsonElement record, string text)
    {
        var hashtags = Names(record, "hashtags");
        var cashtags = Names(record, "cashtags");
        var mentions = Names(record, "mentions");
        var entities = new List<PostEntity>();
        var codePoints = 0;
        var consumed = 0;
        foreach (Match m in EntityCandidates().Matches(text))
        {
            codePoints += CodePointOffsets.Count(text.AsSpan(consumed, m.Index - consumed));
            consumed = m.Index;
            var length = CodePointOffsets.Count(m.ValueSpan);
            PostEntity? entity = null;
            if (m.Groups["url"].Success) entity = new PostEntity(EntityKind.Url, codePoints, codePoints + length, m.Value);
            else if (m.Groups["tag"].Success && hashtags.Contains(m.Groups["tag"].Value)) entity = new PostEntity(EntityKind.Hashtag, codePoints, codePoints + length, m.Groups["tag"].Value);
            else if (m.Groups["cash"].Success && cashtags.Contains(m.Groups["cash"].Value)) entity = new PostEntity(EntityKind.Cashtag, codePoints, codePoints + length, m.Groups["cash"].Value);
            else if (m.Groups["mention"].Success && mentions.Contains(m.Groups["mention"].Value)) entity = new PostEntity(EntityKind.Mention, codePoints, codePoints + length, m.Groups["mention"].Value);
            if (entity is not null) entities.Add(entity);
        }
        return entities;
    }

    /// <summary>twint's lists, lowercased as twint writes them: strings, or (mentions since 2020) objects with <c>screen_name</c>.</summary>
    private static HashSet<string> Names(JsonElement record, string field)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, i) in JsonValues.Array(record, field).Select((v, i) => (v, i)))
        {
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => JsonValues.String(item, "screen_name", $"{field}[{i}].screen_name"),
                _ => throw new TweetRecordException($"{field}[{i}] is {JsonValues.Kind(item)}, not a name"),
            };
            if (!string.IsNullOrEmpty(name)) names.Add(name);
        }
        return names;
    }

    [GeneratedRegex(@"(^|\s) (https?://|pic\.twitter\.com/)", RegexOptions.CultureInvariant)]
    private static partial Regex InsertedSpace();

    [GeneratedRegex(@"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?<handle>[A-Za-z0-9_]{1,15})/status/(?<id>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLink();

    [GeneratedRegex(@"(?<url>https?://t\.co/[A-Za-z0-9]+)|(?<![\w&])#(?<tag>\w+)|(?<![\w$])\$(?<cash>[A-Za-z][A-Za-z0-9_]*)|(?<![\w@])@(?<mention>\w{1,15})", RegexOptions.CultureInvariant)]
    private static partial Regex EntityCandidates();
}
