using System.Text.Json;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.X;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// One line of twint output (external-formats.md §4.7). twint keeps no entity positions and rewrites the text
/// (a space before every link, newlines as spaces), so the post keeps twint's text without entities; the papers
/// come from its expanded <c>urls</c> and the text. Ids above 2^53 are read as text, never as a double; the time
/// comes from the id's snowflake, because <c>created_at</c> is in the scraping machine's zone.
/// </summary>
public static class TwintRecord
{
    public static XReadTweet Read(JsonElement line)
    {
        var id = LegacyStatus.String(line, "id") ?? throw new FormatException("the line has no id");
        if (!id.All(char.IsAsciiDigit)) throw new FormatException($"id '{id}' is not a number");
        var username = LegacyStatus.String(line, "username") ?? throw new FormatException($"tweet {id} has no username");
        var text = LegacyStatus.String(line, "tweet") ?? throw new FormatException($"tweet {id} has no tweet text");
        if (!Snowflake.TryGetCreatedAt(id, out var created)) throw new FormatException($"tweet {id}: the id carries no time");
        var lang = LegacyStatus.String(line, "language") is { Length: > 0 } l ? l : "und";
        var isRetweet = line.TryGetProperty("retweet", out var rt) && rt.ValueKind == JsonValueKind.True;
        var post = new SocialPost(SocialPost.X, id, username, LegacyStatus.String(line, "name") ?? "", created, lang, XText.DirOf(lang), text, [],
            isRetweet ? LegacyStatus.String(line, "retweet_id") is { Length: > 0 } original ? original : "unknown" : null);
        var urls = line.TryGetProperty("urls", out var u) && u.ValueKind == JsonValueKind.Array
            ? u.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()) : [];
        var papers = ArxivIdExtractor.DistinctIds(urls.Append(text));
        return new XReadTweet(post, LegacyStatus.Int(line, "retweets_count"), LegacyStatus.Int(line, "likes_count"), papers);
    }
}
