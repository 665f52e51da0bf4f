using System.Text.Json;
using HotPapers.Social.X;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// The hot path of a twarc JSONL import: one flattened tweet (author inline, <c>__twarc</c> stamp) read with a
/// <see cref="Utf8JsonReader"/> straight from the line's UTF-8 bytes into an <see cref="XTweet"/>, without the
/// serializer's per-property machinery, a UTF-16 copy of the line, or strings for fields nothing reads. It accepts
/// only what the serializer (<see cref="XV2Line"/> with <see cref="XJson.Options"/>) would read to the very same
/// values: anything else (a response page, a null, a number given as a string, a broken line) gives
/// false, and the caller reads that line the general way, which also words its errors. So the fast path changes
/// speed, never what is stored or reported.
/// </summary>
internal static class XV2FlatTweetParser
{
    public static bool TryParse(ReadOnlySpan<byte> line, out XTweet tweet, out string? retrievedAt)
    {
        tweet = null!;
        retrievedAt = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            var parsed = new XTweet();
            bool hasId = false, hasText = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    // One value per line, and a tweet (the serializer's path words every other case).
                    if (reader.Read() || !(hasId || hasText)) return false;
                    tweet = parsed;
                    return true;
                }
                if (reader.ValueTextEquals("id"u8))
                {
                    if (!String(ref reader, out var id)) return false;
                    parsed.Id = id;
                    hasId = true;
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    if (!String(ref reader, out var text)) return false;
                    parsed.Text = text;
                    hasText = true;
                }
                else if (reader.ValueTextEquals("created_at"u8))
                {
                    if (!String(ref reader, out var created)) return false;
                    parsed.CreatedAt = created;
                }
                else if (reader.ValueTextEquals("lang"u8))
                {
                    if (!RepeatedString(ref reader, ref _lastLang, out var lang)) return false;
                    parsed.Lang = lang;
                }
                // Read by nothing downstream, so checked for type (as the serializer would) but not kept: a flattened
                // tweet's author is inline, so its author_id joins it to nothing.
                else if (reader.ValueTextEquals("author_id"u8) || reader.ValueTextEquals("conversation_id"u8) || reader.ValueTextEquals("in_reply_to_user_id"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
                }
                else if (reader.ValueTextEquals("edit_history_tweet_ids"u8))
                {
                    if (!SkipStrings(ref reader)) return false;
                }
                else if (reader.ValueTextEquals("public_metrics"u8))
                {
                    if (!Metrics(ref reader, out var metrics)) return false;
                    parsed.PublicMetrics = metrics;
                }
                else if (reader.ValueTextEquals("entities"u8))
                {
                    if (!Entities(ref reader, out var entities)) return false;
                    parsed.Entities = entities;
                }
                else if (reader.ValueTextEquals("author"u8))
                {
                    if (!User(ref reader, out var author)) return false;
                    parsed.Author = author;
                }
                else if (reader.ValueTextEquals("__twarc"u8))
                {
                    if (!Twarc(ref reader, out retrievedAt)) return false;
                }
                // Response pages, retweets, quotes and long posts are rarer: the serializer's path reads them.
                else if (reader.ValueTextEquals("data"u8) || reader.ValueTextEquals("includes"u8) || reader.ValueTextEquals("meta"u8)
                    || reader.ValueTextEquals("errors"u8) || reader.ValueTextEquals("referenced_tweets"u8) || reader.ValueTextEquals("note_tweet"u8))
                {
                    return false;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a string that cannot be transcoded
        }
    }

    private static bool String(ref Utf8JsonReader reader, out string value)
    {
        value = null!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
        value = reader.GetString()!;
        return true;
    }

    /// <summary>
    /// A string that is usually the same line after line (the language, twarc's fetch time): the last one read is
    /// kept per thread and handed out again while the bytes match, instead of a new string each line.
    /// </summary>
    private static bool RepeatedString(ref Utf8JsonReader reader, ref (byte[] Utf8, string Text)? last, out string value)
    {
        value = null!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && last is { } known && reader.ValueSpan.SequenceEqual(known.Utf8))
        {
            value = known.Text;
            return true;
        }
        value = reader.GetString()!;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= 64) last = (reader.ValueSpan.ToArray(), value);
        return true;
    }

    [ThreadStatic]
    private static (byte[] Utf8, string Text)? _lastLang;

    [ThreadStatic]
    private static (byte[] Utf8, string Text)? _lastRetrievedAt;

    private static bool Int(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    private static bool SkipString(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.String;

    private static bool SkipStrings(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType != JsonTokenType.String) return false;
        }
        return false;
    }

    private static bool StartObject(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.StartObject;

    /// <summary>Positions on the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static bool Metrics(ref Utf8JsonReader reader, out XPublicMetrics metrics)
    {
        metrics = new XPublicMetrics();
        if (!StartObject(ref reader)) return false;
        while (NextProperty(ref reader))
        {
            int n;
            if (reader.ValueTextEquals("retweet_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.RetweetCount = n; }
            else if (reader.ValueTextEquals("reply_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.ReplyCount = n; }
            else if (reader.ValueTextEquals("like_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.LikeCount = n; }
            else if (reader.ValueTextEquals("quote_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.QuoteCount = n; }
            else if (reader.ValueTextEquals("repost_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.RepostCount = n; }
            else if (reader.ValueTextEquals("impression_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.ImpressionCount = n; }
            else if (reader.ValueTextEquals("bookmark_count"u8)) { if (!Int(ref reader, out n)) return false; metrics.BookmarkCount = n; }
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool User(ref Utf8JsonReader reader, out XUser user)
    {
        user = new XUser();
        if (!StartObject(ref reader)) return false;
        while (NextProperty(ref reader))
        {
            string s;
            if (reader.ValueTextEquals("id"u8)) { if (!SkipString(ref reader)) return false; } // the author is inline: its id joins nothing
            else if (reader.ValueTextEquals("name"u8)) { if (!String(ref reader, out s)) return false; user.Name = s; }
            else if (reader.ValueTextEquals("username"u8)) { if (!String(ref reader, out s)) return false; user.Username = s; }
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool Twarc(ref Utf8JsonReader reader, out string? retrievedAt)
    {
        retrievedAt = null;
        if (!StartObject(ref reader)) return false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("retrieved_at"u8))
            {
                if (!RepeatedString(ref reader, ref _lastRetrievedAt, out var at)) return false;
                retrievedAt = at;
            }
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool Entities(ref Utf8JsonReader reader, out XEntities entities)
    {
        entities = new XEntities();
        if (!StartObject(ref reader)) return false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("urls"u8))
            {
                if (!List<XUrlEntity>(ref reader, Url, out var urls)) return false;
                entities.Urls = urls;
            }
            else if (reader.ValueTextEquals("hashtags"u8))
            {
                if (!List<XTagEntity>(ref reader, Tag, out var tags)) return false;
                entities.Hashtags = tags;
            }
            else if (reader.ValueTextEquals("cashtags"u8))
            {
                if (!List<XTagEntity>(ref reader, Tag, out var tags)) return false;
                entities.Cashtags = tags;
            }
            else if (reader.ValueTextEquals("mentions"u8))
            {
                if (!List<XMentionEntity>(ref reader, Mention, out var mentions)) return false;
                entities.Mentions = mentions;
            }
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private delegate bool ItemReader<T>(ref Utf8JsonReader reader, out T item);

    /// <summary>An array of objects, each read by <paramref name="item"/> from its first property on.</summary>
    private static bool List<T>(ref Utf8JsonReader reader, ItemReader<T> item, out List<T> list)
    {
        list = [];
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType != JsonTokenType.StartObject || !item(ref reader, out var value)) return false;
            list.Add(value);
        }
        return false;
    }

    private static bool Url(ref Utf8JsonReader reader, out XUrlEntity url)
    {
        url = new XUrlEntity();
        while (NextProperty(ref reader))
        {
            int n;
            string s;
            if (reader.ValueTextEquals("start"u8)) { if (!Int(ref reader, out n)) return false; url.Start = n; }
            else if (reader.ValueTextEquals("end"u8)) { if (!Int(ref reader, out n)) return false; url.End = n; }
            else if (reader.ValueTextEquals("url"u8)) { if (!String(ref reader, out s)) return false; url.Url = s; }
            else if (reader.ValueTextEquals("expanded_url"u8)) { if (!String(ref reader, out s)) return false; url.ExpandedUrl = s; }
            else if (reader.ValueTextEquals("display_url"u8)) { if (!String(ref reader, out s)) return false; url.DisplayUrl = s; }
            else if (reader.ValueTextEquals("unwound_url"u8)) { if (!String(ref reader, out s)) return false; url.UnwoundUrl = s; }
            else if (reader.ValueTextEquals("media_key"u8)) { if (!String(ref reader, out s)) return false; url.MediaKey = s; }
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool Tag(ref Utf8JsonReader reader, out XTagEntity tag)
    {
        tag = new XTagEntity();
        while (NextProperty(ref reader))
        {
            int n;
            if (reader.ValueTextEquals("start"u8)) { if (!Int(ref reader, out n)) return false; tag.Start = n; }
            else if (reader.ValueTextEquals("end"u8)) { if (!Int(ref reader, out n)) return false; tag.End = n; }
            else if (reader.ValueTextEquals("tag"u8)) { if (!String(ref reader, out var s)) return false; tag.Tag = s; }
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool Mention(ref Utf8JsonReader reader, out XMentionEntity mention)
    {
        mention = new XMentionEntity();
        while (NextProperty(ref reader))
        {
            int n;
            string s;
            if (reader.ValueTextEquals("start"u8)) { if (!Int(ref reader, out n)) return false; mention.Start = n; }
            else if (reader.ValueTextEquals("end"u8)) { if (!Int(ref reader, out n)) return false; mention.End = n; }
            else if (reader.ValueTextEquals("username"u8)) { if (!String(ref reader, out s)) return false; mention.Username = s; }
            else if (reader.ValueTextEquals("id"u8)) { if (!SkipString(ref reader)) return false; } // read by nothing downstream
            else SkipValue(ref reader);
        }
        return reader.TokenType == JsonTokenType.EndObject;
    }
}
