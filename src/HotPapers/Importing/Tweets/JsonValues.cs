using System.Globalization;
using System.Text.Json;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// Reading fields of the formats read as <see cref="JsonElement"/>s (v1.1, twint, the original tool) with the
/// reasons printed for bad records: which field, what was expected, what was found.
/// </summary>
internal static class JsonValues
{
    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static bool Has(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>A string field; absent or null gives null, another type is an error.</summary>
    public static string? String(JsonElement e, string name, string? path = null)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new TweetRecordException($"{path ?? name} is {Kind(v)}, not a string");
        return v.GetString();
    }

    /// <summary>A count; absent or null gives null, anything but a non-negative integer is an error.</summary>
    public static int? Count(JsonElement e, string name, string? path = null)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n < 0)
            throw new TweetRecordException($"{path ?? name} is {(v.ValueKind == JsonValueKind.Number ? v.GetRawText() : Kind(v))}, not a count");
        return n;
    }

    /// <summary>
    /// A tweet id given as a number (possibly above 2^53, so read from the raw text, never as a double) or as a
    /// string of digits.
    /// </summary>
    public static string? Id(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw new TweetRecordException($"{name} is {Kind(v)}, not a tweet id"),
        };
        if (text.Length == 0 || !text.All(char.IsAsciiDigit) || !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new TweetRecordException($"{name} '{text}' is not a tweet id");
        return text;
    }

    public static JsonElement? Object(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Object) throw new TweetRecordException($"{name} is {Kind(v)}, not an object");
        return v;
    }

    public static IEnumerable<JsonElement> Array(JsonElement e, string name, string? path = null)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw new TweetRecordException($"{path ?? name} is {Kind(v)}, not an array");
        return v.EnumerateArray();
    }
}
