using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The only way user-provided text reaches a page: every string is encoded for HTML text and quoted attribute
/// values, and a link target is written only when it is an absolute http(s) URL (never <c>javascript:</c>).
/// </summary>
internal static class Html
{
    // All ranges allowed so titles in any script stay readable; the encoder still escapes < > & " ' and controls.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    public static StringBuilder Text(this StringBuilder sb, string? text) => sb.Append(Encode(text));

    /// <summary>The URL when it is absolute http or https, otherwise null: a hostile link target stays text.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        return uri.Scheme is "http" or "https" ? url : null;
    }

    /// <summary>A link when the target is safe, otherwise the label as plain text.</summary>
    public static StringBuilder Link(this StringBuilder sb, string? url, string label, string? rel = null)
    {
        var safe = SafeUrl(url);
        if (safe is null) return sb.Text(label);
        sb.Append("<a href=\"").Text(safe).Append('"');
        if (rel is not null) sb.Append(" rel=\"").Append(rel).Append('"');
        return sb.Append('>').Text(label).Append("</a>");
    }

    /// <summary>A BCP 47-looking language tag, or null: a stored <c>lang</c> never injects an attribute.</summary>
    public static string? LanguageTag(string? lang) =>
        !string.IsNullOrEmpty(lang) && lang.Length <= 35 && lang.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? lang : null;

    public static string Direction(string? dir) => dir is "rtl" ? "rtl" : dir is "ltr" ? "ltr" : "auto";
}
