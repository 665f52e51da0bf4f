using System.Text.Json.Serialization;

namespace HotPapers.Social.Bluesky;

// Wire shapes of the app.bsky.feed.post record, PostView, searchPosts and Jetstream events (spec §5). One record
// type serves all three sources. Unknown fields and unknown $type values are ignored, since the lexicons grow.
// These classes stay at the edge: BlueskyPostReader turns them into domain records.

internal sealed class PostRecord
{
    [JsonPropertyName("$type")] public string? Type { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("createdAt")] public string? CreatedAt { get; set; }
    [JsonPropertyName("langs")] public List<string>? Langs { get; set; }
    [JsonPropertyName("facets")] public List<Facet>? Facets { get; set; }
    [JsonPropertyName("embed")] public RecordEmbed? Embed { get; set; }

    /// <summary>Set on like and repost records: the post they are about.</summary>
    [JsonPropertyName("subject")] public StrongRef? Subject { get; set; }
}

internal sealed class StrongRef
{
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("cid")] public string? Cid { get; set; }

    /// <summary>Set when this is an <c>app.bsky.embed.record</c> inside <c>recordWithMedia</c>, which nests one level more.</summary>
    [JsonPropertyName("record")] public StrongRef? Record { get; set; }
}

internal sealed class Facet
{
    [JsonPropertyName("index")] public FacetIndex? Index { get; set; }
    [JsonPropertyName("features")] public List<FacetFeature>? Features { get; set; }
}

internal sealed class FacetIndex
{
    [JsonPropertyName("byteStart")] public int ByteStart { get; set; }
    [JsonPropertyName("byteEnd")] public int ByteEnd { get; set; }
}

internal sealed class FacetFeature
{
    [JsonPropertyName("$type")] public string? Type { get; set; }
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("did")] public string? Did { get; set; }
    [JsonPropertyName("tag")] public string? Tag { get; set; }
}

/// <summary>
/// The record form of an embed: external link card, images, video, quote (<c>record</c>) or quote with media.
/// The thumb is a blob object here and a URL string in the view form, so it is not mapped at all.
/// </summary>
internal sealed class RecordEmbed
{
    [JsonPropertyName("$type")] public string? Type { get; set; }
    [JsonPropertyName("external")] public ExternalLink? External { get; set; }
    [JsonPropertyName("record")] public StrongRef? Record { get; set; }
    [JsonPropertyName("media")] public RecordEmbed? Media { get; set; }
}

internal sealed class ExternalLink
{
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
}

internal sealed class ProfileViewBasic
{
    [JsonPropertyName("did")] public string? Did { get; set; }
    [JsonPropertyName("handle")] public string? Handle { get; set; }
    [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
}

internal sealed class PostView
{
    [JsonPropertyName("uri")] public string? Uri { get; set; }
    [JsonPropertyName("cid")] public string? Cid { get; set; }
    [JsonPropertyName("author")] public ProfileViewBasic? Author { get; set; }
    [JsonPropertyName("record")] public PostRecord? Record { get; set; }
    [JsonPropertyName("replyCount")] public long? ReplyCount { get; set; }
    [JsonPropertyName("repostCount")] public long? RepostCount { get; set; }
    [JsonPropertyName("likeCount")] public long? LikeCount { get; set; }
    [JsonPropertyName("quoteCount")] public long? QuoteCount { get; set; }
    [JsonPropertyName("indexedAt")] public string? IndexedAt { get; set; }
}

internal sealed class SearchPostsResponse
{
    [JsonPropertyName("posts")] public List<PostView>? Posts { get; set; }
    [JsonPropertyName("cursor")] public string? Cursor { get; set; }
    [JsonPropertyName("hitsTotal")] public long? HitsTotal { get; set; }
    [JsonPropertyName("hits_total")] public long? HitsTotalOld { get; set; }
}

internal sealed class CreateSessionRequest
{
    [JsonPropertyName("identifier")] public string? Identifier { get; set; }
    [JsonPropertyName("password")] public string? Password { get; set; }
}

internal sealed class CreateSessionResponse
{
    [JsonPropertyName("accessJwt")] public string? AccessJwt { get; set; }
    [JsonPropertyName("refreshJwt")] public string? RefreshJwt { get; set; }
    [JsonPropertyName("did")] public string? Did { get; set; }
    [JsonPropertyName("handle")] public string? Handle { get; set; }
}

internal sealed class XrpcError
{
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

/// <summary>One Jetstream frame (v1 wire format; v2's extra top-level <c>cursor</c> is read and not needed).</summary>
internal sealed class JetstreamFrame
{
    [JsonPropertyName("did")] public string? Did { get; set; }
    [JsonPropertyName("time_us")] public long TimeUs { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("commit")] public JetstreamCommit? Commit { get; set; }
    [JsonPropertyName("identity")] public JetstreamIdentity? Identity { get; set; }

    /// <summary>
    /// The post this frame carries, read on the receiving side when it may link arXiv (see
    /// <see cref="JetstreamIngestor.ReadAhead"/>); null when not read yet, and the committing side reads it then.
    /// </summary>
    [JsonIgnore] public BlueskyPostReading? Reading { get; set; }
}

internal sealed class JetstreamIdentity
{
    [JsonPropertyName("did")] public string? Did { get; set; }
    [JsonPropertyName("handle")] public string? Handle { get; set; }
}

internal sealed class JetstreamCommit
{
    [JsonPropertyName("rev")] public string? Rev { get; set; }
    [JsonPropertyName("operation")] public string? Operation { get; set; }
    [JsonPropertyName("collection")] public string? Collection { get; set; }
    [JsonPropertyName("rkey")] public string? Rkey { get; set; }
    [JsonPropertyName("record")] public PostRecord? Record { get; set; }
    [JsonPropertyName("cid")] public string? Cid { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PostRecord))]
[JsonSerializable(typeof(PostView))]
[JsonSerializable(typeof(SearchPostsResponse))]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(CreateSessionResponse))]
[JsonSerializable(typeof(XrpcError))]
[JsonSerializable(typeof(JetstreamFrame))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
