using System.Globalization;
using System.Text;

namespace HotPapers.Social;

/// <summary>The fixed pieces of Twitter's oEmbed HTML (2017–2023 form) and its escaping rules, shared by the parser and the renderer.</summary>
internal static class TweetHtml
{
    public const string BlockquoteOpen = "<blockquote class=\"twitter-tweet\">";
    public const string ScriptLine = "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";
    public const string RefSrc = "ref_src=twsrc%5Etfw";
    public const string Site = "https://twitter.com/";
    public const string HashtagPrefix = Site + "hashtag/";
    public const string HashtagSuffix = "?src=hash&amp;" + RefSrc;
    public const string CashtagPrefix = Site + "search?q=%24";
    public const string CashtagSuffix = "&amp;src=ctag&amp;" + RefSrc;
    public const string MentionSuffix = "?" + RefSrc;
    public const string TrailerOpen = "</p>&mdash; ";
    public const string Close = "</a></blockquote>";

    /// <summary>
    /// Escapes text the way oEmbed does: the five HTML specials, everything else raw; and, which oEmbed never has to
    /// print, a control character (a line break or a carriage return would end the Markdown line the embed stands on)
    /// as a numeric reference and a NUL as U+FFFD (what a browser makes of it).
    /// </summary>
    public static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\0': sb.Append('\uFFFD'); break;
                // Any other control character, a line break or a carriage return included, as a reference: raw, it
                // could end the Markdown line the embed stands on, and the allow-list refuses it.
                case var control when char.IsControl(control) && control != '\t':
                    sb.Append("&#").Append(((int)control).ToString(CultureInfo.InvariantCulture)).Append(';');
                    break;
                default: sb.Append(c); break;
            }
        }
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    /// <summary>Decodes the character references oEmbed emits (named specials and numeric references).</summary>
    public static bool TryDecode(string html, out string text)
    {
        if (!html.Contains('&'))
        {
            text = html;
            return true;
        }
        var sb = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] != '&')
            {
                sb.Append(html[i]);
                continue;
            }
            var semi = html.IndexOf(';', i);
            if (semi < 0)
            {
                text = html;
                return false;
            }
            var name = html.AsSpan(i + 1, semi - i - 1);
            switch (name)
            {
                case "amp": sb.Append('&'); break;
                case "lt": sb.Append('<'); break;
                case "gt": sb.Append('>'); break;
                case "quot": sb.Append('"'); break;
                case "apos": sb.Append('\''); break;
                default:
                    if (!TryDecodeNumeric(name, out var decoded))
                    {
                        text = html;
                        return false;
                    }
                    sb.Append(decoded);
                    break;
            }
            i = semi;
        }
        text = sb.ToString();
        return true;
    }

    private static bool TryDecodeNumeric(ReadOnlySpan<char> name, out string decoded)
    {
        decoded = "";
        if (name.Length < 2 || name[0] != '#') return false;
        var hex = name[1] is 'x' or 'X';
        var digits = hex ? name[2..] : name[1..];
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var cp)) return false;
        if (cp is < 0 or > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        decoded = char.ConvertFromUtf32(cp);
        return true;
    }

    /// <summary>The trailer date: the UTC calendar date in English, <c>October 27, 2020</c>.</summary>
    public static string TrailerDate(DateTimeOffset createdAt) =>
        createdAt.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string StatusUrl(string handle, string id) => $"{Site}{Uri.EscapeDataString(handle)}/status/{Uri.EscapeDataString(id)}?{RefSrc}";
}
