using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>
/// Reads a post's stored entities. Every post the site shows is read once to rank its day and once more for its
/// paper's page, and the serializer's per-property machinery cost several microseconds a post; the entities are
/// almost always in the one shape <see cref="StoreJson.Entities"/> writes with plain values (URLs, handles, tags),
/// which is read here by hand. Anything else (escapes, other key orders, numbers out of range, malformed JSON) goes
/// to the serializer, so the result, and any error, is the serializer's.
/// </summary>
internal static class StoredEntities
{
    private static readonly string[] KindNames = ["url", "media", "hashtag", "mention", "cashtag"];

    public static PostEntity[] Read(string json) => TryReadPlain(json) ?? StoreJson.Read<PostEntity[]>(json);

    /// <summary>The entities when <paramref name="json"/> is in the written shape with plain values; otherwise null.</summary>
    internal static PostEntity[]? TryReadPlain(string json)
    {
        var s = json.AsSpan();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']' || s.Contains('\\')) return null;
        if (s.Length == 2) return [];
        var entities = new List<PostEntity>(4);
        var at = 1;
        while (true)
        {
            if (!Literal(s, ref at, "{\"kind\":\"") || !Plain(s, ref at, out var kindName)) return null;
            var kind = Array.IndexOf(KindNames, kindName);
            if (kind < 0) return null;
            if (!Literal(s, ref at, ",\"start\":") || !Number(s, ref at, out var start)) return null;
            if (!Literal(s, ref at, ",\"end\":") || !Number(s, ref at, out var end)) return null;
            if (!Literal(s, ref at, ",\"value\":\"") || !Plain(s, ref at, out var value)) return null;
            string? display = null, expanded = null;
            if (Literal(s, ref at, ",\"display\":\"") && !Plain(s, ref at, out display)) return null;
            if (Literal(s, ref at, ",\"expanded\":\"") && !Plain(s, ref at, out expanded)) return null;
            if (!Literal(s, ref at, "}")) return null;
            entities.Add(new PostEntity((EntityKind)kind, start, end, value, display, expanded));
            if (Literal(s, ref at, ",")) continue;
            return at == s.Length - 1 ? entities.ToArray() : null;
        }
    }

    internal static bool Literal(ReadOnlySpan<char> s, ref int at, string literal)
    {
        if (!s[at..].StartsWith(literal, StringComparison.Ordinal)) return false;
        at += literal.Length;
        return true;
    }

    /// <summary>A string's characters up to its closing quote (none escaped: the caller has seen no backslash), no control characters.</summary>
    internal static bool Plain(ReadOnlySpan<char> s, ref int at, out string value)
    {
        value = "";
        var length = s[at..].IndexOf('"');
        if (length < 0) return false;
        var text = s.Slice(at, length);
        foreach (var c in text)
            if (c < 0x20 || char.IsSurrogate(c)) return false; // invalid JSON or UTF-16 the serializer judges, not this reader
        value = text.ToString();
        at += length + 1;
        return true;
    }

    /// <summary>A JSON integer of at most nine digits (no leading zeros, no fraction or exponent), which always fits an int.</summary>
    internal static bool Number(ReadOnlySpan<char> s, ref int at, out int value)
    {
        value = 0;
        var negative = at < s.Length && s[at] == '-';
        var from = negative ? at + 1 : at;
        var to = from;
        while (to < s.Length && char.IsAsciiDigit(s[to])) to++;
        var digits = to - from;
        if (digits is 0 or > 9 || (digits > 1 && s[from] == '0')) return false;
        if (to < s.Length && s[to] is '.' or 'e' or 'E') return false;
        for (var i = from; i < to; i++) value = value * 10 + (s[i] - '0');
        if (negative) value = -value;
        at = to;
        return true;
    }
}
