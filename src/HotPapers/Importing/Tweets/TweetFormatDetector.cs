using System.Text.Json;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// Tells the format from content: the first record's field names (docs/imports.md lists the tell-tale fields).
/// </summary>
internal static class TweetFormatDetector
{
    private static readonly string[] ResponseFields = ["data", "includes", "meta", "errors"];

    public static TweetFormat? OfRecord(JsonElement record)
    {
        if (record.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in record.EnumerateArray())
                if (OfRecord(item) is { } format) return format;
            return null;
        }
        if (record.ValueKind != JsonValueKind.Object) return null;
        bool Has(string name) => record.TryGetProperty(name, out _);
        if (Has("papers")) return TweetFormat.Original;
        if (ResponseFields.Any(Has)) return TweetFormat.XV2;
        if (Has("full_text") || Has("id_str") || Has("favorite_count")) return TweetFormat.XV1;
        if (Has("tweet") && (Has("username") || Has("likes_count") || Has("link"))) return TweetFormat.Twint;
        if (Has("id") && (Has("text") || Has("public_metrics") || Has("edit_history_tweet_ids") || Has("author_id"))) return TweetFormat.XV2;
        return null;
    }

    /// <summary>From a scanned document: its root object's fields, or the first array element that tells.</summary>
    public static TweetFormat? OfDocument(JsonScan scan)
    {
        if (scan.RootIsArray)
        {
            foreach (var item in scan.Items)
                if (OfRecord(item.Element) is { } format) return format;
            return null;
        }
        if (scan.PropertyNames.Contains("papers")) return TweetFormat.Original;
        if (ResponseFields.Any(scan.PropertyNames.Contains)) return TweetFormat.XV2;
        return null;
    }
}
