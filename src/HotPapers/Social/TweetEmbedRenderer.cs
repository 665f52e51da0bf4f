using System.Text;
using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>
/// Renders a post as Twitter's oEmbed would (2017–2023 form), from its structured fields only. Used when no
/// oEmbed HTML is cached, when oEmbed fails, and whenever <c>--embeds snapshot</c> is asked for. Every field is
/// escaped for where it lands (text HTML-escaped, handles and tags URL-escaped in links, a lang or dir that is not
/// one printed as und or ltr, a link target that is not http(s) printed as plain text), so even a post that
/// slipped past <see cref="PostFieldRules"/> cannot add markup, an event handler or a <c>javascript:</c> link.
/// </summary>
public static class TweetEmbedRenderer
{
    /// <summary>The two lines of an embed (blockquote, then the widgets script), without a final newline.</summary>
    public static string Render(SocialPost post)
    {
        var sb = new StringBuilder(post.Text.Length * 2 + 400);
        sb.Append(TweetHtml.BlockquoteOpen)
          .Append("<p lang=\"").Append(PostFieldRules.IsLanguageTag(post.Lang) ? post.Lang : "und")
          .Append("\" dir=\"").Append(post.Dir is "rtl" or "auto" ? post.Dir : "ltr").Append("\">");
        AppendBody(sb, post);
        sb.Append(TweetHtml.TrailerOpen);
        TweetHtml.AppendEscaped(sb, post.AuthorName);
        sb.Append(" (@");
        TweetHtml.AppendEscaped(sb, post.AuthorHandle);
        sb.Append(") <a href=\"")
          .Append(TweetHtml.StatusUrl(post.AuthorHandle, post.PostId)).Append("\">")
          .Append(TweetHtml.TrailerDate(post.CreatedAt))
          .Append(TweetHtml.Close).Append('\n')
          .Append(TweetHtml.ScriptLine);
        return sb.ToString();
    }

    private static void AppendBody(StringBuilder sb, SocialPost post)
    {
        var text = post.Text;
        var offsets = CodePointOffsets.Of(text);
        var cursor = 0; // UTF-16 index of the first character not yet written
        foreach (var entity in post.Entities.OrderBy(e => e.Start))
        {
            var start = offsets.ToUtf16(entity.Start);
            var end = offsets.ToUtf16(entity.End);
            if (start < cursor || end < start)
                throw new ArgumentException($"post {post.PostId}: entities overlap or run backwards at code point {entity.Start}");
            // oEmbed drops a line break that stands right before a link.
            var plainEnd = start > cursor && text[start - 1] == '\n' ? start - 1 : start;
            AppendPlain(sb, text.AsSpan(cursor, plainEnd - cursor));
            AppendLink(sb, entity, text.AsSpan(start, end - start));
            cursor = end;
        }
        AppendPlain(sb, text.AsSpan(cursor));
    }

    private static void AppendPlain(StringBuilder sb, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf('\n');
            var run = newline < 0 ? text : text[..newline];
            TweetHtml.AppendEscaped(sb, run);
            if (newline < 0) break;
            sb.Append("<br>");
            text = text[(newline + 1)..];
        }
    }

    private static void AppendLink(StringBuilder sb, PostEntity entity, ReadOnlySpan<char> shown)
    {
        if (entity.Kind is EntityKind.Url or EntityKind.Media && !PostFieldRules.IsWebUrl(entity.Value))
        {
            // Never a link to anything but http(s): the span is shown as the plain text it is.
            TweetHtml.AppendEscaped(sb, shown);
            return;
        }
        sb.Append("<a href=\"");
        switch (entity.Kind)
        {
            case EntityKind.Url:
            case EntityKind.Media:
                TweetHtml.AppendEscaped(sb, entity.Value);
                sb.Append("\">");
                TweetHtml.AppendEscaped(sb, entity.Kind == EntityKind.Media ? entity.Display ?? entity.Value : entity.Value);
                break;
            case EntityKind.Hashtag:
                sb.Append(TweetHtml.HashtagPrefix).Append(Uri.EscapeDataString(entity.Value)).Append(TweetHtml.HashtagSuffix).Append("\">");
                TweetHtml.AppendEscaped(sb, shown);
                break;
            case EntityKind.Cashtag:
                sb.Append(TweetHtml.CashtagPrefix).Append(Uri.EscapeDataString(entity.Value)).Append(TweetHtml.CashtagSuffix).Append("\">");
                TweetHtml.AppendEscaped(sb, shown);
                break;
            case EntityKind.Mention:
                sb.Append(TweetHtml.Site).Append(Uri.EscapeDataString(entity.Value)).Append(TweetHtml.MentionSuffix).Append("\">");
                TweetHtml.AppendEscaped(sb, shown);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entity), entity.Kind, "unknown entity kind");
        }
        sb.Append("</a>");
    }
}
