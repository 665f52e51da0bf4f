using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social;

/// <summary>What a platform calls the two counts of a snapshot, as a reader should see them.</summary>
/// <param name="Reposts">The snapshot's first count (null when the platform has none, e.g. Hacker News).</param>
/// <param name="Likes">The snapshot's second count ("points" on Hacker News).</param>
public sealed record EngagementLabels(string? Reposts, string Likes);

/// <summary>What a presenter may read while rendering: the store (for a platform's own fields) and the readers' time zone.</summary>
public sealed record PresentContext(HotPapersStore Store, TimeZoneInfo Zone);

/// <summary>
/// How one platform's posts are shown: its name, the labels of its counts, the post's own page, and the embed HTML
/// printed into the Gatsby post when no fetched HTML is cached (or when every embed is rendered locally). The HTML
/// is one line (a blank line would end Markdown's HTML block) and uses only the platform's own embed form.
/// </summary>
public interface IPostPresenter
{
    /// <summary>The name posts carry in the store (<see cref="SocialPost.Platform"/>).</summary>
    string Platform { get; }

    /// <summary>The name a reader knows the platform by ("X", "Bluesky", "Hacker News").</summary>
    string DisplayName { get; }

    EngagementLabels Labels { get; }

    /// <summary>The post's own page on the platform, or null when it cannot be known from stored fields.</summary>
    string? Permalink(SocialPost post);

    /// <summary>
    /// Where a hashtag, cashtag or mention of the post leads on the platform, for the site's static snapshot (links and
    /// media lead to their own targets); null leaves it as text.
    /// </summary>
    string? EntityLink(PostEntity entity);

    /// <summary>The class the platform's widget script upgrades on the site (only with <c>--widgets</c>), or null.</summary>
    string? WidgetClass { get; }

    /// <summary>The post's embed, rendered locally from stored fields in the platform's own embed form.</summary>
    string RenderEmbed(SocialPost post, PresentContext context);

    /// <summary>
    /// Whether cached embed HTML (fetched or imported) may be printed as it is: it must pass the platform's embed
    /// grammar again at print time, so HTML cached before a rule was tightened cannot reach a post. A platform that
    /// caches nothing answers false, and its posts are always rendered locally.
    /// </summary>
    bool AllowsCachedEmbed(string html);
}
