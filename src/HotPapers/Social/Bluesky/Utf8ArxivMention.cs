using System.Text;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// The pre-check the Jetstream listener runs on a raw UTF-8 frame before parsing it: could any string in it say
/// "arxiv"? <see cref="BlueskyPostReader.MentionsArxiv"/> (the full check, which keeps nothing without
/// "arxiv.org/" compared with <see cref="StringComparison.OrdinalIgnoreCase"/>) can only be true when this is.
/// <para>
/// Why that holds: five decoded characters matching "arxiv" ignoring case are each, in the JSON text, either a
/// literal ASCII letter, a literal non-ASCII character that OrdinalIgnoreCase equates with one (none in .NET 10;
/// the set is computed from the runtime rather than assumed), or a
/// <c>\uXXXX</c> escape (JSON's other escapes never produce letters). If all five are literal ASCII they lie side by
/// side in the bytes; otherwise the frame holds one of the other two forms, and either makes this true.
/// </para>
/// </summary>
internal static class Utf8ArxivMention
{
    private const string Word = "arxiv";

    // Every UTF-16 character OrdinalIgnoreCase equates with a letter of the word, computed from the runtime's
    // own comparison rather than assumed (Unicode maps U+0131 'ı' to 'I'; whether the comparison does is its call).
    private static readonly bool[] Lookalike = BuildLookalikes();

    // The UTF-8 forms of the non-ASCII lookalikes: finding one anywhere sends the frame to the full check.
    private static readonly byte[][] NonAsciiLookalikes = Enumerable.Range(0x80, 0x10000 - 0x80)
        .Where(c => Lookalike[c] && !char.IsSurrogate((char)c))
        .Select(c => Encoding.UTF8.GetBytes(((char)c).ToString()))
        .ToArray();

    public static bool MayMention(ReadOnlySpan<byte> utf8) =>
        HasAsciiWord(utf8) || HasEscapedLookalike(utf8) || HasNonAsciiLookalike(utf8);

    private static bool HasAsciiWord(ReadOnlySpan<byte> utf8)
    {
        // 'x' is the rarest letter of the word in text; anchor on it and look two bytes either side.
        var from = 2;
        while (from < utf8.Length - 2)
        {
            var i = utf8[from..^2].IndexOfAny((byte)'x', (byte)'X');
            if (i < 0) return false;
            var at = from + i;
            if ((utf8[at - 2] | 0x20) == 'a' && (utf8[at - 1] | 0x20) == 'r' && (utf8[at + 1] | 0x20) == 'i' && (utf8[at + 2] | 0x20) == 'v')
                return true;
            from = at + 1;
        }
        return false;
    }

    private static bool HasEscapedLookalike(ReadOnlySpan<byte> utf8)
    {
        var from = 0;
        while (true)
        {
            var i = utf8[from..].IndexOf("\\u"u8);
            if (i < 0) return false;
            var at = from + i + 2;
            if (at + 4 <= utf8.Length && TryHex(utf8.Slice(at, 4), out var c) && Lookalike[c]) return true;
            from = at;
        }
    }

    private static bool HasNonAsciiLookalike(ReadOnlySpan<byte> utf8)
    {
        foreach (var form in NonAsciiLookalikes)
            if (utf8.IndexOf(form) >= 0) return true;
        return false;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            var nibble = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => d - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0) return false;
            value = value * 16 + nibble;
        }
        return true;
    }

    private static bool[] BuildLookalikes()
    {
        var table = new bool[0x10000];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            foreach (var letter in Word)
                if (MemoryExtensions.Equals(new ReadOnlySpan<char>(in ch), new ReadOnlySpan<char>(in letter), StringComparison.OrdinalIgnoreCase))
                    table[c] = true;
        }
        return table;
    }

    /// <summary>The characters treated as letters of the word (for the tests).</summary>
    internal static IEnumerable<char> Lookalikes() =>
        Enumerable.Range(0, Lookalike.Length).Where(c => Lookalike[c]).Select(c => (char)c);
}
