using System.Text;

namespace HotPapers.Social.X;

/// <summary>
/// X API text escaping: v2 and v1.1 escape exactly <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> (quotes and
/// apostrophes stay raw), so exactly those three are decoded and nothing else: a literal <c>&amp;quot;</c> typed
/// by an author arrives as <c>&amp;amp;quot;</c> and must come out as <c>&amp;quot;</c>.
/// </summary>
internal static class XText
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Decodes the three escapes. <paramref name="codePointMap"/> (null when nothing was decoded) maps a code point
    /// index of the escaped text to one of the decoded text, for sources whose offsets count the escaped form.
    /// </summary>
    public static string Unescape(string text, out int[]? codePointMap)
    {
        codePointMap = null;
        if (!text.Contains('&')) return text;
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var decodedCp = 0;
        for (var i = 0; i < text.Length;)
        {
            var (replacement, length) = text.AsSpan(i) switch
            {
                var s when s.StartsWith("&amp;") => ('&', 5),
                var s when s.StartsWith("&lt;") => ('<', 4),
                var s when s.StartsWith("&gt;") => ('>', 4),
                _ => ('\0', 0),
            };
            if (length > 0)
            {
                for (var k = 0; k < length; k++) map.Add(decodedCp);
                sb.Append(replacement);
                decodedCp++;
                i += length;
                continue;
            }
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            map.Add(decodedCp);
            sb.Append(text, i, pair ? 2 : 1);
            decodedCp++;
            i += pair ? 2 : 1;
        }
        map.Add(decodedCp);
        codePointMap = map.ToArray();
        return sb.ToString();
    }

    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase) { "ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug" };

    /// <summary>oEmbed's <c>dir</c> attribute follows the detected language.</summary>
    public static string DirOf(string lang) => RightToLeft.Contains(lang) ? "rtl" : "ltr";
}
