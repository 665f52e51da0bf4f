namespace HotPapers.Social;

/// <summary>How the daily job gets the embed HTML of the posts it shows (<c>Daily:Embeds</c>).</summary>
public enum EmbedMode
{
    /// <summary>
    /// <c>checked</c>, the default: the presenters' local renderings, checked each run against the platform's own
    /// oEmbed. The first shown post with no cached embed is fetched and compared byte for byte with its local
    /// rendering; when they are equal the other posts are rendered locally (no request), when they differ every
    /// shown post is fetched, as with <see cref="OEmbed"/>, and the log names the first differing line.
    /// </summary>
    Checked,

    /// <summary><c>oembed</c>: each shown post's embed fetched once from its platform's oEmbed and cached.</summary>
    OEmbed,

    /// <summary><c>snapshot</c>: no embed request at all; always the local renderings.</summary>
    Snapshot,
}
