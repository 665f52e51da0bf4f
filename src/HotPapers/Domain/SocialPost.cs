namespace HotPapers.Domain;

/// <summary>The kinds of linked span a social post can carry.</summary>
public enum EntityKind
{
    Url,
    Media,
    Hashtag,
    Mention,
    Cashtag,
}

/// <summary>
/// A linked span of a post's text. <see cref="Start"/> and <see cref="End"/> count Unicode code points
/// (as X API v2 does), end exclusive.
/// <see cref="Value"/> is what the link points at: the t.co URL for <see cref="EntityKind.Url"/> and
/// <see cref="EntityKind.Media"/>, the tag for a hashtag (without '#'), the symbol for a cashtag
/// (without '$'), the linked account's canonical handle for a mention (its case may differ from the text).
/// <see cref="Display"/> is the text shown instead of the URL where that differs (<c>pic.twitter.com/…</c>).
/// <see cref="Expanded"/> is where a shortened link really leads (X API <c>expanded_url</c>), when a source told us;
/// embed HTML never does.
/// </summary>
public sealed record PostEntity(EntityKind Kind, int Start, int End, string Value, string? Display = null, string? Expanded = null);

/// <summary>
/// A post on a social platform that links a paper. <see cref="Text"/> is plain text with real newlines and
/// decoded characters; links to media and pages appear in it as their t.co URLs, as in X API v2.
/// <see cref="RepostOf"/> names the original when this post is a plain repost.
/// </summary>
public sealed record SocialPost(
    string Platform,
    string PostId,
    string AuthorHandle,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string Lang,
    string Dir,
    string Text,
    IReadOnlyList<PostEntity> Entities,
    string? RepostOf = null)
{
    public const string X = "x";
}

/// <summary>One measurement of a post's engagement. Counts can go down between snapshots.</summary>
public sealed record EngagementSnapshot(string Platform, string PostId, int Reposts, int Likes, DateTimeOffset MeasuredAt)
{
    public int Score => Reposts + Likes;
}
