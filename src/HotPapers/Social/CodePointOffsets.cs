namespace HotPapers.Social;

/// <summary>
/// Maps Unicode code point offsets (X API v2 entities) to UTF-16 indices (C# strings). Emoji outside the
/// BMP are one code point but two chars, so the two differ after the first of them.
/// </summary>
internal readonly struct CodePointOffsets
{
    private readonly int[]? _utf16Index; // null when the text has no surrogate pairs: offsets are equal
    private readonly int _length;

    private CodePointOffsets(int[]? utf16Index, int length)
    {
        _utf16Index = utf16Index;
        _length = length;
    }

    public static CodePointOffsets Of(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDBFF')) return new CodePointOffsets(null, text.Length);
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map.Add(text.Length);
        return new CodePointOffsets(map.ToArray(), text.Length);
    }

    public int CodePointCount => _utf16Index is null ? _length : _utf16Index.Length - 1;

    public int ToUtf16(int codePoint)
    {
        if (codePoint < 0 || codePoint > CodePointCount)
            throw new ArgumentOutOfRangeException(nameof(codePoint), codePoint, $"text has {CodePointCount} code points");
        return _utf16Index is null ? codePoint : _utf16Index[codePoint];
    }

    /// <summary>Counts the code points of a string (a surrogate pair counts once).</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            n++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        return n;
    }
}
