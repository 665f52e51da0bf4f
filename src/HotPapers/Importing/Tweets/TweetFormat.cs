namespace HotPapers.Importing.Tweets;

/// <summary>The tweet files <c>hotpapers import tweets</c> reads (docs/imports.md).</summary>
public enum TweetFormat
{
    /// <summary>X API v2: whole responses (<c>data</c>/<c>includes</c>/<c>meta</c>), or JSONL of responses or of single tweets.</summary>
    XV2,
    /// <summary>Legacy v1.1 statuses (<c>tweet_mode=extended</c>): a JSON array, or JSONL.</summary>
    XV1,
    /// <summary>twint's JSONL output.</summary>
    Twint,
    /// <summary>The original Hot Papers tool's <c>papers_with_tweets.json</c>: meta plus papers with their tweets.</summary>
    Original,
}

public static class TweetFormats
{
    public static readonly IReadOnlyList<string> Names = ["x-v2", "x-v1", "twint", "original"];

    public static string Name(this TweetFormat format) => Names[(int)format];

    public static bool TryParse(string? name, out TweetFormat format)
    {
        var index = Names.ToList().IndexOf(name ?? "");
        format = index < 0 ? default : (TweetFormat)index;
        return index >= 0;
    }
}
