using System.Text.Json;

namespace HotPapers.Importing.Tweets;

/// <summary>The tweet dumps <c>import tweets</c> reads (external-formats.md §4.5–4.7, and the original tool's file).</summary>
public enum TweetFormat
{
    /// <summary>X API v2: a response page (<c>data</c>, <c>includes</c>) or a single tweet object.</summary>
    XV2,

    /// <summary>Legacy v1.1 statuses (<c>id_str</c>, <c>full_text</c>, <c>user</c>).</summary>
    XV1,

    /// <summary>twint's JSON lines (<c>tweet</c>, <c>username</c>, <c>likes_count</c>).</summary>
    Twint,

    /// <summary>The original tool's <c>papers_with_tweets.json</c>: <c>meta</c>, and <c>papers</c> each with its <c>tweets</c> (v1.1 statuses).</summary>
    Original,
}

public static class TweetFormats
{
    public static readonly string[] Names = ["x-v2", "x-v1", "twint", "original"];

    public static TweetFormat Parse(string name) => name switch
    {
        "x-v2" => TweetFormat.XV2,
        "x-v1" => TweetFormat.XV1,
        "twint" => TweetFormat.Twint,
        "original" => TweetFormat.Original,
        _ => throw new ArgumentException($"'{name}' is not a tweet format: {string.Join(", ", Names)}"),
    };

    public static string Name(TweetFormat format) => Names[(int)format];

    /// <summary>Recognises one JSON object by the fields only its format has; null when none fits.</summary>
    public static TweetFormat? Detect(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;
        bool Has(string name) => value.TryGetProperty(name, out _);
        if (Has("papers") && Has("meta")) return TweetFormat.Original;
        if (Has("tweet") && (Has("likes_count") || Has("retweets_count") || Has("username"))) return TweetFormat.Twint;
        if (Has("full_text") || Has("id_str") || Has("favorite_count") || (Has("user") && Has("created_at"))) return TweetFormat.XV1;
        if (Has("data") || Has("includes") || Has("edit_history_tweet_ids") || Has("public_metrics") || Has("author_id")) return TweetFormat.XV2;
        if (Has("id") && Has("text")) return TweetFormat.XV2;
        return null;
    }
}
