namespace HotPapers.Social.X;

// X API v2 JSON, as far as HotPapers reads or writes it (external-formats.md §4.5). Property names map to
// snake_case through XJson.Options; absent fields stay null. Ids are strings: they overflow JavaScript doubles.

/// <summary>A response of <c>GET /2/tweets/search/recent</c> (or any v2 tweet lookup): one page.</summary>
public sealed class XResponse
{
    /// <summary>Absent (not empty) when nothing matched.</summary>
    public List<XTweet>? Data { get; set; }
    public XIncludes? Includes { get; set; }
    public XMeta? Meta { get; set; }
    public List<XApiError>? Errors { get; set; }
}

public sealed class XTweet
{
    public string Id { get; set; } = "";
    /// <summary>HTML-escaped by X: <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>.</summary>
    public string Text { get; set; } = "";
    public List<string>? EditHistoryTweetIds { get; set; }
    public string? CreatedAt { get; set; }
    public string? Lang { get; set; }
    public string? AuthorId { get; set; }
    public string? ConversationId { get; set; }
    public string? InReplyToUserId { get; set; }
    public XPublicMetrics? PublicMetrics { get; set; }
    public XEntities? Entities { get; set; }
    public List<XReferencedTweet>? ReferencedTweets { get; set; }
    /// <summary>The full text of a post longer than 280 characters (when <c>note_tweet</c> was requested).</summary>
    public XNoteTweet? NoteTweet { get; set; }
    /// <summary>twarc's flattened output embeds the author in the tweet instead of <c>includes.users</c>.</summary>
    public XUser? Author { get; set; }
}

public sealed class XNoteTweet
{
    public string Text { get; set; } = "";
    public XEntities? Entities { get; set; }
}

public sealed class XPublicMetrics
{
    public int RetweetCount { get; set; }
    /// <summary>Some 2026 fixtures name the retweet count this way; either is accepted.</summary>
    public int? RepostCount { get; set; }
    public int ReplyCount { get; set; }
    public int LikeCount { get; set; }
    public int QuoteCount { get; set; }
    public int? ImpressionCount { get; set; }
    public int? BookmarkCount { get; set; }

    public int Reposts => RepostCount ?? RetweetCount;
}

public sealed class XEntities
{
    public List<XUrlEntity>? Urls { get; set; }
    public List<XTagEntity>? Hashtags { get; set; }
    public List<XTagEntity>? Cashtags { get; set; }
    public List<XMentionEntity>? Mentions { get; set; }
}

/// <summary>Entity offsets count Unicode code points, end exclusive.</summary>
public sealed class XUrlEntity
{
    public int Start { get; set; }
    public int End { get; set; }
    public string Url { get; set; } = "";
    public string? ExpandedUrl { get; set; }
    public string? DisplayUrl { get; set; }
    public string? UnwoundUrl { get; set; }
    public string? MediaKey { get; set; }
}

public sealed class XTagEntity
{
    public int Start { get; set; }
    public int End { get; set; }
    public string Tag { get; set; } = "";
}

public sealed class XMentionEntity
{
    public int Start { get; set; }
    public int End { get; set; }
    public string Username { get; set; } = "";
    public string? Id { get; set; }
}

public sealed class XReferencedTweet
{
    /// <summary><c>retweeted</c>, <c>quoted</c> or <c>replied_to</c>.</summary>
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
}

public sealed class XIncludes
{
    public List<XUser>? Users { get; set; }
    public List<XTweet>? Tweets { get; set; }
}

public sealed class XUser
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Username { get; set; } = "";
}

public sealed class XMeta
{
    public string? NewestId { get; set; }
    public string? OldestId { get; set; }
    public int ResultCount { get; set; }
    public string? NextToken { get; set; }
}

public sealed class XApiError
{
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public string? Type { get; set; }
    public string? ResourceId { get; set; }
}
