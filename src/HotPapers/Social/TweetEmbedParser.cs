using System.Text;
using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>Raised when an embed's HTML is not Twitter's oEmbed form; the message says what is wrong.</summary>
public sealed class EmbedFormatException(string message) : FormatException(message);

/// <summary>
/// Turns the blockquote line of a Twitter oEmbed (2017–2023 form) back into a structured <see cref="SocialPost"/>:
/// plain text with real newlines and decoded characters, entities at code-point offsets, author and date.
/// The inverse of <see cref="TweetEmbedRenderer"/>.
/// </summary>
public static class TweetEmbedParser
{
    private const string StatusMarker = "/status/";

    public static SocialPost Parse(string blockquoteLine)
    {
        var line = blockquoteLine;
        if (!line.StartsWith(TweetHtml.BlockquoteOpen + "<p lang=\"", StringComparison.Ordinal))
            throw new EmbedFormatException("embed does not start with <blockquote class=\"twitter-tweet\"><p lang=\"…\">");
        var pos = TweetHtml.BlockquoteOpen.Length + "<p lang=\"".Length;
        var lang = ReadUntil(line, ref pos, "\" dir=\"", "the <p> tag has no dir attribute");
        var dir = ReadUntil(line, ref pos, "\">", "the <p> tag is not closed");

        var trailerAt = line.LastIndexOf(TweetHtml.TrailerOpen, StringComparison.Ordinal);
        if (trailerAt < pos)
            throw new EmbedFormatException("embed has no trailer (</p>&mdash; name (@handle) <a …>date</a>)");
        var (name, handle, id, date) = ParseTrailer(line[(trailerAt + TweetHtml.TrailerOpen.Length)..]);

        var (text, entities) = ParseBody(line[pos..trailerAt]);
        return new SocialPost(SocialPost.X, id, handle, name, CreatedAt(id, date), lang, dir, text, entities);
    }

    /// <summary>The trailer is read from the right: display names may hold parentheses, emoji and CJK.</summary>
    private static (string Name, string Handle, string Id, string Date) ParseTrailer(string trailer)
    {
        if (!trailer.EndsWith(TweetHtml.Close, StringComparison.Ordinal))
            throw new EmbedFormatException("embed does not end with </a></blockquote>");
        var linkAt = trailer.LastIndexOf(" <a href=\"", StringComparison.Ordinal);
        if (linkAt < 0) throw new EmbedFormatException("embed trailer has no status link");
        var who = trailer[..linkAt];
        var handleAt = who.LastIndexOf(" (@", StringComparison.Ordinal);
        if (handleAt < 0 || !who.EndsWith(')')) throw new EmbedFormatException("embed trailer has no (@handle)");
        var handle = who[(handleAt + 3)..^1];
        if (!TweetHtml.TryDecode(who[..handleAt], out var name)) throw new EmbedFormatException("embed author name has a broken character reference");

        var link = trailer[(linkAt + " <a href=\"".Length)..^TweetHtml.Close.Length];
        var hrefEnd = link.IndexOf("\">", StringComparison.Ordinal);
        if (hrefEnd < 0) throw new EmbedFormatException("embed status link is not closed");
        var href = link[..hrefEnd];
        var date = link[(hrefEnd + 2)..];
        var prefix = TweetHtml.Site + handle + StatusMarker;
        var suffix = "?" + TweetHtml.RefSrc;
        if (!href.StartsWith(prefix, StringComparison.Ordinal) || !href.EndsWith(suffix, StringComparison.Ordinal))
            throw new EmbedFormatException($"embed status link '{href}' is not {prefix}<id>{suffix}");
        var id = href[prefix.Length..^suffix.Length];
        if (id.Length == 0 || !id.All(char.IsAsciiDigit)) throw new EmbedFormatException($"embed status id '{id}' is not a number");
        return (name, handle, id, date);
    }

    /// <summary>
    /// The creation time comes from the snowflake id; the trailer's UTC date must agree with it. An id that
    /// does not carry a time (very old posts) falls back to midnight UTC of the trailer date.
    /// </summary>
    private static DateTimeOffset CreatedAt(string id, string trailerDate)
    {
        if (Snowflake.TryGetCreatedAt(id, out var created) && TweetHtml.TrailerDate(created) == trailerDate) return created;
        if (DateTime.TryParseExact(trailerDate, "MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var day))
            return new DateTimeOffset(day, TimeSpan.Zero);
        throw new EmbedFormatException($"embed date '{trailerDate}' is not like 'October 27, 2020'");
    }

    private static (string Text, List<PostEntity> Entities) ParseBody(string body)
    {
        var text = new StringBuilder(body.Length);
        var entities = new List<PostEntity>();
        var codePoints = 0;
        var pos = 0;
        while (pos < body.Length)
        {
            if (body[pos] != '<')
            {
                var next = body.IndexOf('<', pos);
                if (next < 0) next = body.Length;
                codePoints += AppendDecoded(text, body[pos..next]);
                pos = next;
            }
            else if (string.CompareOrdinal(body, pos, "<br>", 0, 4) == 0)
            {
                text.Append('\n');
                codePoints++;
                pos += 4;
            }
            else if (string.CompareOrdinal(body, pos, "<a href=\"", 0, 9) == 0)
            {
                pos += 9;
                var href = ReadUntil(body, ref pos, "\">", "a link in the text is not closed");
                var shownHtml = ReadUntil(body, ref pos, "</a>", "a link in the text has no </a>");
                if (!TweetHtml.TryDecode(shownHtml, out var shown)) throw new EmbedFormatException($"link text '{shownHtml}' has a broken character reference");
                var entity = ClassifyLink(href, shown);
                var inText = entity.Kind is EntityKind.Url or EntityKind.Media ? entity.Value : shown;
                var length = CodePointOffsets.Count(inText);
                entities.Add(entity with { Start = codePoints, End = codePoints + length });
                text.Append(inText);
                codePoints += length;
            }
            else
            {
                var end = body.IndexOf('>', pos);
                var tag = end < 0 ? body[pos..] : body[pos..(end + 1)];
                throw new EmbedFormatException($"unexpected markup '{tag}' in the text of the embed");
            }
        }
        return (text.ToString(), entities);
    }

    private static PostEntity ClassifyLink(string href, string shown)
    {
        if (href.StartsWith("https://t.co/", StringComparison.Ordinal))
        {
            if (shown == href) return new PostEntity(EntityKind.Url, 0, 0, href);
            if (shown.StartsWith("pic.twitter.com/", StringComparison.Ordinal)) return new PostEntity(EntityKind.Media, 0, 0, href, shown);
            throw new EmbedFormatException($"t.co link shows '{shown}', expected the URL itself or pic.twitter.com/…");
        }
        if (href.StartsWith(TweetHtml.HashtagPrefix, StringComparison.Ordinal) && href.EndsWith(TweetHtml.HashtagSuffix, StringComparison.Ordinal))
            return new PostEntity(EntityKind.Hashtag, 0, 0, Uri.UnescapeDataString(href[TweetHtml.HashtagPrefix.Length..^TweetHtml.HashtagSuffix.Length]));
        if (href.StartsWith(TweetHtml.CashtagPrefix, StringComparison.Ordinal) && href.EndsWith(TweetHtml.CashtagSuffix, StringComparison.Ordinal))
            return new PostEntity(EntityKind.Cashtag, 0, 0, Uri.UnescapeDataString(href[TweetHtml.CashtagPrefix.Length..^TweetHtml.CashtagSuffix.Length]));
        if (href.StartsWith(TweetHtml.Site, StringComparison.Ordinal) && href.EndsWith(TweetHtml.MentionSuffix, StringComparison.Ordinal) && shown.StartsWith('@'))
        {
            var account = href[TweetHtml.Site.Length..^TweetHtml.MentionSuffix.Length];
            if (account.Length > 0 && account.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return new PostEntity(EntityKind.Mention, 0, 0, account);
        }
        throw new EmbedFormatException($"unrecognised link '{href}' in the text of the embed");
    }

    private static int AppendDecoded(StringBuilder text, string html)
    {
        if (!TweetHtml.TryDecode(html, out var decoded)) throw new EmbedFormatException($"broken character reference in '{html}'");
        text.Append(decoded);
        return CodePointOffsets.Count(decoded);
    }

    private static string ReadUntil(string s, ref int pos, string terminator, string error)
    {
        var end = s.IndexOf(terminator, pos, StringComparison.Ordinal);
        if (end < 0) throw new EmbedFormatException(error);
        var value = s[pos..end];
        pos = end + terminator.Length;
        return value;
    }
}
