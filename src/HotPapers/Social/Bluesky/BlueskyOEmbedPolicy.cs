using System.Text.RegularExpressions;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// The allow-list fetched Bluesky oEmbed HTML must pass before it is cached or printed: exactly the server's embed
/// grammar (<see cref="BlueskyOEmbedHtml"/>) with links only to bsky.app, text without tags (character references
/// well-formed), and the one embed.js script. Raw line breaks are allowed here and written as <c>&lt;br&gt;</c> by
/// <see cref="Normalize"/>, so nothing fetched can put a blank line (the end of Markdown's HTML block) into a post.
/// </summary>
public static partial class BlueskyOEmbedPolicy
{
    public static bool IsAllowed(string html, out string reason)
    {
        if (!Grammar().IsMatch(html))
        {
            reason = "the HTML is not Bluesky's embed form (blockquote, p, bsky.app links, embed.js)";
            return false;
        }
        reason = "";
        return true;
    }

    /// <summary>The HTML as printed: trailing newlines dropped, every line break inside written as <c>&lt;br&gt;</c>.</summary>
    public static string Normalize(string html) => EmbedText.OneLine(html.TrimEnd('\n', '\r'));

    // Text: no tags, '&' only as a character reference. Links: https://bsky.app/profile/<did>[/post/<rkey>]?ref_src=embed.
    private const string Text = @"(?:[^<>&]|&(?:[a-z]+|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)*";
    private const string Did = @"did:[a-z0-9]+:[A-Za-z0-9._:%-]+";
    private const string PostLink = @"https://bsky\.app/profile/" + Did + @"/post/[A-Za-z0-9._~:-]+\?ref_src=embed";

    [GeneratedRegex(
        @"\A<blockquote class=""bluesky-embed"" data-bluesky-uri=""at://" + Did + @"/app\.bsky\.feed\.post/[A-Za-z0-9._~:-]+""" +
        @"(?: data-bluesky-cid=""[a-z0-9]+"")?(?: data-bluesky-embed-color-mode=""(?:system|light|dark)"")?>" +
        @"<p(?: lang=""[A-Za-z0-9-]*"")?>" + Text + @"(?:(?:<br>)+" + Text + @")*" +
        @"(?:<br><br><a href=""" + PostLink + @""">\[image or embed\]</a>)?</p>" +
        @"&mdash; (?:<a href=""https://bsky\.app/profile/" + Did + @"\?ref_src=embed"">" + Text + @"</a>|" + Text +
        @" \(<a href=""https://bsky\.app/profile/" + Did + @"\?ref_src=embed"">" + Text + @"</a>\)) " +
        @"<a href=""" + PostLink + @""">" + Text + @"</a></blockquote>" +
        @"(?:<script async src=""https://embed\.bsky\.app/static/embed\.js"" charset=""utf-8""></script>)?\n*\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
