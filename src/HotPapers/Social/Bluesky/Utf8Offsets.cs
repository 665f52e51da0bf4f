using System.Text;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Maps UTF-8 byte offsets (Bluesky facets) to Unicode code point offsets (<see cref="Domain.PostEntity"/>) and
/// UTF-16 indices (C# strings). <c>ö</c> is 2 bytes and 1 code point; <c>🎉</c> is 4 bytes, 1 code point, 2 chars.
/// </summary>
internal sealed class Utf8Offsets
{
    // For each code point i: the byte offset where it starts and its UTF-16 index; entry [count] is the end.
    private readonly int[]? _byteAt;
    private readonly int[]? _charAt;
    private readonly int _length;

    private Utf8Offsets(int[]? byteAt, int[]? charAt, int length)
    {
        _byteAt = byteAt;
        _charAt = charAt;
        _length = length;
    }

    public static Utf8Offsets Of(string text)
    {
        if (Ascii.IsValid(text)) return new Utf8Offsets(null, null, text.Length);
        var byteAt = new List<int>(text.Length + 1);
        var charAt = new List<int>(text.Length + 1);
        int bytes = 0, chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            byteAt.Add(bytes);
            charAt.Add(chars);
            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }
        byteAt.Add(bytes);
        charAt.Add(chars);
        return new Utf8Offsets([.. byteAt], [.. charAt], text.Length);
    }

    public int ByteLength => _byteAt is null ? _length : _byteAt[^1];

    /// <summary>
    /// The code point index starting at <paramref name="byteOffset"/>; false when the offset is out of range or
    /// falls inside a multi-byte character (malformed facets exist in the wild).
    /// </summary>
    public bool TryCodePoint(int byteOffset, out int codePoint)
    {
        codePoint = -1;
        if (byteOffset < 0 || byteOffset > ByteLength) return false;
        if (_byteAt is null)
        {
            codePoint = byteOffset;
            return true;
        }
        var index = Array.BinarySearch(_byteAt, byteOffset);
        if (index < 0) return false;
        codePoint = index;
        return true;
    }

    public int ToUtf16(int codePoint) => _charAt is null ? codePoint : _charAt[codePoint];
}
