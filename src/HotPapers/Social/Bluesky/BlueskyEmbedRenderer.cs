using System.Globalization;
using System.Text;
using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// What the snippet needs beyond the <see cref="SocialPost"/>: the record's cid, whether the record has an embed
/// (the snippet then links "[image or embed]"), and the date as the generating browser printed it.
/// </summary>
public sealed record BlueskyEmbedFields(string? Cid, bool HasEmbed, string DateText)
{
    /// <summary><c>system</c>, <c>light</c> or <c>dark</c>; null leaves the attribute out, as snippets before 2025 did.</summary>
    public string? ColorMode { get; init; } = "system";

    /// <summary>Whether the <c>embed.js</c> script follows the blockquote.</summary>
    public bool IncludeScript { get; init; } = true;
}

/// <summary>
/// Renders a post in the form of the app's "Embed post" snippet (spec §5.5): the text raw except for the five
/// HTML specials, no links inside the text, every link to bsky.app by DID with <c>?ref_src=embed</c>.
/// </summary>
public static class BlueskyEmbedRenderer
{
    public const string Script = "<script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";

    public static string Render(SocialPost post, BlueskyEmbedFields fields)
    {
        if (!AtUri.TryParse(post.PostId, out var uri))
            throw new ArgumentException($"Bluesky post id is not an at:// URI: '{post.PostId}'", nameof(post));
        var handle = post.AuthorHandle;
        var author = string.IsNullOrEmpty(post.AuthorName) ? handle : post.AuthorName;
        var postUrl = Escape(uri.WebUrl) + "?ref_src=embed";
        var sb = new StringBuilder(post.Text.Length + 600);
        sb.Append("<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"").Append(Escape(post.PostId)).Append('"');
        if (fields.Cid is not null) sb.Append(" data-bluesky-cid=\"").Append(Escape(fields.Cid)).Append('"');
        if (fields.ColorMode is not null) sb.Append(" data-bluesky-embed-color-mode=\"").Append(Escape(fields.ColorMode)).Append('"');
        sb.Append("><p lang=\"").Append(Escape(post.Lang)).Append("\">").Append(TextWithoutBlankLines(post.Text));
        if (fields.HasEmbed) sb.Append("<br><br><a href=\"").Append(postUrl).Append("\">[image or embed]</a>");
        sb.Append("</p>&mdash; ").Append(Escape(author))
          .Append(" (<a href=\"https://bsky.app/profile/").Append(Escape(uri.Did)).Append("?ref_src=embed\">@").Append(Escape(handle)).Append("</a>) ")
          .Append("<a href=\"").Append(postUrl).Append("\">").Append(Escape(fields.DateText)).Append("</a></blockquote>");
        if (fields.IncludeScript) sb.Append(Script);
        return sb.ToString();
    }

    /// <summary>
    /// The snippet of a stored post: cid and embed flag from its <see cref="BlueskyPostState"/>, the date from
    /// its indexedAt (or its creation time) in <paramref name="zone"/>.
    /// </summary>
    public static string Render(SocialPost post, BlueskyPostState state, TimeZoneInfo zone) =>
        Render(post, new BlueskyEmbedFields(state.Cid, state.HasEmbed, FormatDate(state.IndexedAt ?? post.CreatedAt, zone)));

    /// <summary>The date as an en-US browser prints it since late 2024: <c>January 8, 2025 at 11:00 PM</c>.</summary>
    public static string FormatDate(DateTimeOffset indexedAt, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(indexedAt, zone);
        return local.ToString("MMMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The text with its newlines raw, as the snippet has them, except where one would start an empty (or
    /// whitespace-only) line: the snippet is printed into a Markdown post, where an empty line ends the HTML block and
    /// lets the rest of the text be read as Markdown. Such a newline is written <c>&amp;#10;</c>, which a browser
    /// shows the same way.
    /// </summary>
    public static string TextWithoutBlankLines(string text)
    {
        var lines = Escape(text).Split('\n');
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append(string.IsNullOrWhiteSpace(lines[i]) ? "&#10;" : "\n");
            sb.Append(lines[i]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The snippet's escaping: exactly five characters, with <c>&amp;#x27;</c> for the apostrophe; and a carriage
    /// return as <c>&amp;#13;</c>, as a raw one would end the Markdown line the snippet stands on.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("\"&'<>\r") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "&quot;",
                '&' => "&amp;",
                '\'' => "&#x27;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' => "&#13;",
                _ => null,
            });
            if (c is not ('"' or '&' or '\'' or '<' or '>' or '\r')) sb.Append(c);
        }
        return sb.ToString();
    }
}
