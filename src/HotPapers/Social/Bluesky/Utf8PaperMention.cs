using System.Buffers;
using System.Text;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// The pre-check the Jetstream listener runs on a raw UTF-8 frame before parsing it: could any string in it say
/// "xiv", "5iv" or "papers"? Every marker of <see cref="BlueskyPostReader.PaperMarkers"/> contains one of those words
/// ("arxiv" and "alphaxiv" say "xiv", "ar5iv" says "5iv", Hugging Face's paper pages say "papers"), so
/// <see cref="BlueskyPostReader.MayLinkPaper"/> (the full check, on decoded strings, ignoring case) can only be true
/// when this is.
/// <para>
/// Why that holds: the decoded characters of a word matched ignoring case are each, in the JSON text, either a
/// literal ASCII character, a literal non-ASCII character that OrdinalIgnoreCase equates with one (none in .NET 10;
/// the set is computed from the runtime rather than assumed), or a <c>\uXXXX</c> escape (JSON's other escapes never
/// produce letters or digits). If all are literal ASCII they lie side by side in the bytes; otherwise the frame holds
/// one of the other two forms, and either makes this true.
/// </para>
/// </summary>
internal static class Utf8PaperMention
{
    /// <summary>The words looked for; each marker of <see cref="BlueskyPostReader.PaperMarkers"/> contains one.</summary>
    internal static readonly string[] Words = ["xiv", "5iv", "papers"];

    // The rarest character of each word in text, in either case: the search stops only there.
    private static readonly SearchValues<byte> Anchors = SearchValues.Create("xX5pP"u8);

    // Every UTF-16 character OrdinalIgnoreCase equates with a character of the words, computed from the runtime's
    // own comparison rather than assumed (Unicode maps U+0131 'ı' to 'I'; whether the comparison does is its call).
    private static readonly bool[] Lookalike = BuildLookalikes();

    // The UTF-8 forms of the non-ASCII lookalikes: finding one anywhere sends the frame to the full check.
    private static readonly byte[][] NonAsciiLookalikes = Enumerable.Range(0x80, 0x10000 - 0x80)
        .Where(c => Lookalike[c] && !char.IsSurrogate((char)c))
        .Select(c => Encoding.UTF8.GetBytes(((char)c).ToString()))
        .ToArray();

    public static bool MayMention(ReadOnlySpan<byte> utf8) =>
        HasAsciiWord(utf8) || HasEscapedLookalike(utf8) || HasNonAsciiLookalike(utf8);

    internal static bool HasAsciiWord(ReadOnlySpan<byte> utf8)
    {
        var from = 0;
        while (from < utf8.Length)
        {
            var i = utf8[from..].IndexOfAny(Anchors);
            if (i < 0) return false;
            var at = from + i;
            var rest = utf8[(at + 1)..];
            // "xiv" and "5iv" end in "iv"; "papers" goes on with "apers". Setting bit 0x20 lowers an ASCII letter.
            var found = (utf8[at] | 0x20) == 'p'
                ? rest.Length >= 5 && (rest[0] | 0x20) == 'a' && (rest[1] | 0x20) == 'p' && (rest[2] | 0x20) == 'e' && (rest[3] | 0x20) == 'r' && (rest[4] | 0x20) == 's'
                : rest.Length >= 2 && (rest[0] | 0x20) == 'i' && (rest[1] | 0x20) == 'v';
            if (found) return true;
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
            foreach (var word in Words)
                foreach (var letter in word)
                    if (MemoryExtensions.Equals(new ReadOnlySpan<char>(in ch), new ReadOnlySpan<char>(in letter), StringComparison.OrdinalIgnoreCase))
                        table[c] = true;
        }
        return table;
    }

    /// <summary>The characters treated as characters of the words (for the tests).</summary>
    internal static IEnumerable<char> Lookalikes() =>
        Enumerable.Range(0, Lookalike.Length).Where(c => Lookalike[c]).Select(c => (char)c);
}
