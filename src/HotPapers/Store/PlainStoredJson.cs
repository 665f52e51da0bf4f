namespace HotPapers.Store;

/// <summary>
/// The pieces <see cref="StoredEntities"/> and <see cref="StoredLists"/> read the store's JSON columns with, in the one
/// plain form the store writes them (no whitespace, no escapes: the caller has seen no backslash). Each returns false
/// at anything else, and the caller then hands the whole text to the serializer.
/// </summary>
internal static class PlainStoredJson
{
    /// <summary>Reads one item at <c>at</c> and moves past it; false when the text there is not of the plain form.</summary>
    public delegate bool ItemReader<T>(ReadOnlySpan<char> s, ref int at, out T item);

    /// <summary>A JSON array of items read by <paramref name="readItem"/>, comma-separated; null at any other form.</summary>
    public static T[]? Array<T>(string json, ItemReader<T> readItem)
    {
        var s = json.AsSpan();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']' || s.Contains('\\')) return null;
        if (s.Length == 2) return [];
        var items = new List<T>(4);
        var at = 1;
        while (true)
        {
            if (!readItem(s, ref at, out var item)) return null;
            items.Add(item);
            if (Literal(s, ref at, ",")) continue;
            return at == s.Length - 1 ? items.ToArray() : null;
        }
    }

    public static bool Literal(ReadOnlySpan<char> s, ref int at, string literal)
    {
        if (!s[at..].StartsWith(literal, StringComparison.Ordinal)) return false;
        at += literal.Length;
        return true;
    }

    /// <summary>A string's characters up to its closing quote (none escaped: the caller has seen no backslash), no control characters.</summary>
    public static bool Plain(ReadOnlySpan<char> s, ref int at, out string value)
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
    public static bool Number(ReadOnlySpan<char> s, ref int at, out int value)
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
