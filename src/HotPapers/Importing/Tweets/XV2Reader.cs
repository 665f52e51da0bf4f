using System.Text;
using System.Text.Json;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// X API v2 records (external-formats.md §4.5) through <see cref="XTweetConverter"/>: a response page yields its
/// <c>data</c> tweets with authors from <c>includes.users</c>, plus the original of every retweet found in
/// <c>includes.tweets</c> (its own counts are the ones that matter); a single tweet carries its author inline.
/// </summary>
internal static class XV2Reader
{
    /// <summary>A JSONL line as UTF-8: a flattened tweet the quick way when it is one, else as any other line.</summary>
    public static void ReadLine(ReadOnlySpan<byte> line, RecordSink sink)
    {
        if (XV2FlatTweetParser.TryParse(line, out var tweet, out var retrievedAt))
        {
            if (TryMeasuredAt(retrievedAt, sink, out var measured)) ReadTweet(tweet, new ResponseContext(null, measured), sink, "");
            return;
        }
        ReadLine(Encoding.UTF8.GetString(line), sink);
    }

    public static void ReadLine(string line, RecordSink sink)
    {
        if (line.AsSpan().TrimStart() is ['[', ..])
        {
            sink.Problem("expected a tweet or response object, found an array");
            return;
        }
        XV2Line value;
        try
        {
            value = JsonSerializer.Deserialize<XV2Line>(line, XJson.Options) ?? throw new TweetRecordException("the line is null, not a tweet or a response");
        }
        catch (JsonException e)
        {
            sink.Problem(JsonErrors.Describe(e, Encoding.UTF8.GetByteCount(line.TrimEnd()), line));
            return;
        }
        catch (TweetRecordException e)
        {
            sink.Problem(e.Message);
            return;
        }
        Read(value, sink);
    }

    /// <summary>An element of a JSON array: a tweet or a whole response.</summary>
    public static void ReadElement(JsonElement element, RecordSink sink)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            sink.Problem($"expected a tweet or response object, found {JsonValues.Kind(element)}");
            return;
        }
        XV2Line value;
        try
        {
            value = element.Deserialize<XV2Line>(XJson.Options)!;
        }
        catch (JsonException e)
        {
            sink.Problem(JsonErrors.Describe(e, int.MaxValue, element.GetRawText()));
            return;
        }
        Read(value, sink);
    }

    public static void Read(XV2Line value, RecordSink sink)
    {
        if (!TryMeasuredAt(value.Twarc?.RetrievedAt, sink, out var measured)) return;
        if (value.IsResponse)
        {
            var context = new ResponseContext(value.Includes, measured);
            var data = value.Data ?? [];
            for (var i = 0; i < data.Count; i++) ReadTweet(data[i], context, sink, data.Count == 1 && value.Data is not null ? "data: " : $"data[{i}]: ");
        }
        else if (value.IsTweet)
        {
            ReadTweet(value.ToTweet(), new ResponseContext(null, measured), sink, "");
        }
        else
        {
            sink.Problem("neither a tweet (no id, no text) nor a response (no data, includes or meta)");
        }
    }

    /// <summary>The <c>retrieved_at</c> time twarc stamps on what it fetched; absent is fine, unreadable is not.</summary>
    public static bool TryMeasuredAt(string? text, RecordSink sink, out DateTimeOffset? measured)
    {
        measured = null;
        if (text is null) return true;
        // One fetch stamps many lines with the same time.
        if (text == _lastRetrieved.Text)
        {
            measured = _lastRetrieved.At;
            return true;
        }
        if (!TryParseTime(text, out var at))
        {
            sink.Problem($"__twarc.retrieved_at '{text}' is not an ISO 8601 time");
            return false;
        }
        measured = at;
        _lastRetrieved = (text, at);
        return true;
    }

    [ThreadStatic]
    private static (string? Text, DateTimeOffset At) _lastRetrieved;

    public static void ReadTweet(XTweet tweet, ResponseContext context, RecordSink sink, string where)
    {
        if (string.IsNullOrEmpty(tweet.Id))
        {
            sink.Problem(where + "tweet has no id");
            return;
        }
        if (!tweet.Id.All(char.IsAsciiDigit))
        {
            sink.Problem($"{where}tweet id '{tweet.Id}' is not a number");
            return;
        }
        if (tweet.CreatedAt is { } created && !TryParseTime(created, out _))
        {
            sink.Problem($"{where}created_at '{created}' is not an ISO 8601 time");
            return;
        }
        XReadTweet read;
        try
        {
            read = XTweetConverter.Read(tweet, tweet.Author ?? context.Author(tweet.AuthorId));
        }
        catch (FormatException e)
        {
            sink.Problem(where + e.Message);
            return;
        }
        sink.Add(new ImportedTweet(read.Post, PostSource.Api, read.Papers, read.Reposts, read.Likes, context.MeasuredAt));
        if (read.Post.RepostOf is { } original && context.TakeOriginal(original) is { } originalTweet)
            ReadTweet(originalTweet, context, sink, $"{where}includes.tweets {original}: ");
    }

    /// <summary>ISO 8601; the API's own forms are tried first, as they are nearly all there is (and cheaper to parse).</summary>
    public static bool TryParseTime(string text, out DateTimeOffset at) => XTime.TryParse(text, out at);

    /// <summary>What the tweets of one response share: its users, its referenced tweets, its fetch time.</summary>
    internal sealed class ResponseContext
    {
        private readonly Dictionary<string, XUser>? _users;
        private readonly Dictionary<string, XTweet>? _referenced;

        public ResponseContext(XIncludes? includes, DateTimeOffset? measuredAt)
        {
            MeasuredAt = measuredAt;
            if (includes?.Users is { Count: > 0 } users)
            {
                _users = new Dictionary<string, XUser>(StringComparer.Ordinal);
                foreach (var user in users) _users.TryAdd(user.Id, user);
            }
            if (includes?.Tweets is { Count: > 0 } tweets)
            {
                _referenced = new Dictionary<string, XTweet>(StringComparer.Ordinal);
                foreach (var tweet in tweets) _referenced.TryAdd(tweet.Id, tweet);
            }
        }

        public DateTimeOffset? MeasuredAt { get; }

        public XUser? Author(string? id) => id is not null && _users is not null && _users.TryGetValue(id, out var user) ? user : null;

        /// <summary>The retweeted original, once per response (several retweets of it may be on the page).</summary>
        public XTweet? TakeOriginal(string id) => _referenced is not null && _referenced.Remove(id, out var tweet) ? tweet : null;
    }
}
