using System.Globalization;
using System.Text;
using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Bluesky's embed in the form its oEmbed endpoint serves (spec §5.5, the server-side <c>html</c>): no colour-mode
/// attribute, <c>lang</c> only when the post has one, the author inside the profile link as "Display (@handle)",
/// the date as the raw ISO time (the earlier of createdAt and indexedAt), Go <c>html/template</c> escaping.
/// This is the Gatsby post's Bluesky embed whether oEmbed answered or not, so a post looks the same either way.
/// Line breaks in the text are written as <c>&lt;br&gt;</c> (oEmbed sends them raw): a blank line would end the
/// Markdown HTML block the embed sits in. Differences from a fetched embed: none, except that the time keeps
/// at most milliseconds (the store's resolution) where Bluesky echoes the digits its client sent (up to 9).
/// </summary>
public static class BlueskyOEmbedHtml
{
    public const string Script = "<script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";

    /// <param name="shownAt">The earlier of the record's createdAt and the AppView's indexedAt.</param>
    public static string Render(SocialPost post, string? cid, bool hasEmbed, DateTimeOffset shownAt)
    {
        if (!AtUri.TryParse(post.PostId, out var uri))
            throw new ArgumentException($"Bluesky post id is not an at:// URI: '{post.PostId}'", nameof(post));
        var postUrl = uri.WebUrl + "?ref_src=embed";
        var sb = new StringBuilder(post.Text.Length + 600);
        sb.Append("<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"").Append(Escape(post.PostId)).Append('"');
        if (cid is not null) sb.Append(" data-bluesky-cid=\"").Append(Escape(cid)).Append('"');
        sb.Append("><p");
        if (post.Lang.Length > 0) sb.Append(" lang=\"").Append(Escape(post.Lang)).Append('"');
        sb.Append('>').Append(EmbedText.OneLine(Escape(post.Text)));
        if (hasEmbed) sb.Append("<br><br><a href=\"").Append(Escape(postUrl)).Append("\">[image or embed]</a>");
        sb.Append("</p>&mdash; <a href=\"https://bsky.app/profile/").Append(Escape(uri.Did)).Append("?ref_src=embed\">")
          .Append(Escape(AuthorName(post))).Append("</a> <a href=\"").Append(Escape(postUrl)).Append("\">")
          .Append(shownAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)).Append("Z</a></blockquote>")
          .Append(Script);
        return sb.ToString();
    }

    /// <summary>oEmbed's <c>author_name</c>: "Display (@handle)", or "@handle" without a display name.</summary>
    public static string AuthorName(SocialPost post) =>
        string.IsNullOrEmpty(post.AuthorName) ? "@" + post.AuthorHandle : $"{post.AuthorName} (@{post.AuthorHandle})";

    /// <summary>Go <c>html/template</c>'s text escaping: <c>&amp;#34;</c>, <c>&amp;#39;</c>, <c>&amp;#43;</c>, and the three usual ones.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("\"&'+<>\0") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("&#34;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '+': sb.Append("&#43;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\0': sb.Append('\uFFFD'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
