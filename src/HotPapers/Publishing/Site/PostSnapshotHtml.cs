using System.Globalization;
using System.Text;
using HotPapers.Domain;
using HotPapers.Social;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A post as a static, accessible snapshot built from its stored fields: readable without JavaScript and still
/// there when the post is deleted. Only http(s) link targets become links; every piece of text is encoded.
/// With the widgets option the blockquote carries the class the platform's script upgrades.
/// </summary>
internal static class PostSnapshotHtml
{
    public static void Append(StringBuilder sb, SocialPost post, EngagementSnapshot? counts, bool widgets)
    {
        var status = StatusUrl(post);
        var lang = Html.LanguageTag(post.Lang);
        sb.Append("<figure class=\"post\">\n<blockquote");
        if (widgets && PlatformLabels.WidgetClass(post.Platform) is { } widget) sb.Append(" class=\"").Text(widget).Append('"');
        if (status is not null) sb.Append(" cite=\"").Text(status).Append('"');
        sb.Append("><p");
        if (lang is not null && lang != "und") sb.Append(" lang=\"").Append(lang).Append('"');
        sb.Append(" dir=\"").Append(Html.Direction(post.Dir)).Append("\">");
        AppendBody(sb, post);
        sb.Append("</p>");
        // The platform's script finds the post through a status link inside the blockquote.
        if (widgets && status is not null) sb.Append("<a class=\"status\" href=\"").Text(status).Append("\">Post on ").Text(Layout.PlatformName(post.Platform)).Append("</a>");
        sb.Append("</blockquote>\n<figcaption>&mdash; <span class=\"name\">").Text(post.AuthorName).Append("</span> <span class=\"handle\">(@").Text(post.AuthorHandle).Append(")</span>, ");
        var when = post.CreatedAt.UtcDateTime;
        var date = "<time datetime=\"" + when.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "\">"
            + Html.Encode(when.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)) + "</time>";
        if (status is null) sb.Append(date);
        else sb.Append("<a href=\"").Text(status).Append("\">").Append(date).Append("</a>");
        sb.Append(" on ").Text(Layout.PlatformName(post.Platform));
        if (post.RepostOf is not null) sb.Append(" (a repost)");
        if (counts is not null)
            sb.Append("<span class=\"counts\"> &middot; ").Text(PlatformLabels.Counts(post.Platform, counts.Reposts, counts.Likes)).Append("</span>");
        sb.Append("</figcaption>\n</figure>\n");
    }

    /// <summary>The post's own page (<see cref="PlatformLabels.Permalink"/>), for every platform whose address is known.</summary>
    public static string? StatusUrl(SocialPost post) => PlatformLabels.Permalink(post);

    private static void AppendBody(StringBuilder sb, SocialPost post)
    {
        var text = post.Text;
        var offsets = CodePointOffsets.Of(text);
        var cursor = 0;
        foreach (var entity in post.Entities.OrderBy(e => e.Start))
        {
            int start, end;
            try
            {
                start = offsets.ToUtf16(entity.Start);
                end = offsets.ToUtf16(entity.End);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue; // an entity past the text: show the text, not a broken link
            }
            if (start < cursor || end < start) continue;
            AppendPlain(sb, text[cursor..start]);
            AppendEntity(sb, post.Platform, entity, text[start..end]);
            cursor = end;
        }
        AppendPlain(sb, text[cursor..]);
    }

    /// <summary>Links and media lead to their targets; hashtags, cashtags and mentions where the platform's presenter says.</summary>
    private static void AppendEntity(StringBuilder sb, string platform, PostEntity entity, string shown)
    {
        if (entity.Kind is EntityKind.Url or EntityKind.Media)
            sb.Link(entity.Value, entity.Display ?? shown, rel: "nofollow noopener");
        else if (PlatformLabels.EntityLink(platform, entity) is { } target)
            sb.Link(target, shown, rel: "nofollow noopener");
        else
            AppendPlain(sb, shown);
    }

    private static void AppendPlain(StringBuilder sb, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append("<br>");
            sb.Text(lines[i]);
        }
    }
}
