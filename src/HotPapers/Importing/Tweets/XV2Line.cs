using System.Text.Json;
using System.Text.Json.Serialization;
using HotPapers.Social.X;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// One JSON value of an X API v2 file, read in one go whichever it is: a response page (<c>data</c>, <c>includes</c>,
/// <c>meta</c>), or a single tweet (twarc's flattened JSONL, with the author inline). twarc adds
/// <c>__twarc.retrieved_at</c>, the time the page was fetched, which is when the counts were measured.
/// </summary>
internal sealed class XV2Line
{
    [JsonConverter(typeof(OneOrManyTweets))]
    public List<XTweet>? Data { get; set; }
    public XIncludes? Includes { get; set; }
    public XMeta? Meta { get; set; }
    public List<XApiError>? Errors { get; set; }

    public string? Id { get; set; }
    public string? Text { get; set; }
    public List<string>? EditHistoryTweetIds { get; set; }
    public string? CreatedAt { get; set; }
    public string? Lang { get; set; }
    public string? AuthorId { get; set; }
    public string? ConversationId { get; set; }
    public string? InReplyToUserId { get; set; }
    public XPublicMetrics? PublicMetrics { get; set; }
    public XEntities? Entities { get; set; }
    public List<XReferencedTweet>? ReferencedTweets { get; set; }
    public XNoteTweet? NoteTweet { get; set; }
    public XUser? Author { get; set; }

    [JsonPropertyName("__twarc")]
    public TwarcInfo? Twarc { get; set; }

    public bool IsResponse => Data is not null || Includes is not null || Meta is not null || Errors is not null;

    public bool IsTweet => Id is not null || Text is not null;

    public XTweet ToTweet() => new()
    {
        Id = Id ?? "",
        Text = Text ?? "",
        EditHistoryTweetIds = EditHistoryTweetIds,
        CreatedAt = CreatedAt,
        Lang = Lang,
        AuthorId = AuthorId,
        ConversationId = ConversationId,
        InReplyToUserId = InReplyToUserId,
        PublicMetrics = PublicMetrics,
        Entities = Entities,
        ReferencedTweets = ReferencedTweets,
        NoteTweet = NoteTweet,
        Author = Author,
    };

    internal sealed class TwarcInfo
    {
        public string? RetrievedAt { get; set; }
    }

    /// <summary>Search pages hold an array in <c>data</c>; a single-tweet lookup holds the tweet itself.</summary>
    private sealed class OneOrManyTweets : JsonConverter<List<XTweet>>
    {
        public override List<XTweet>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.StartObject
                ? [JsonSerializer.Deserialize<XTweet>(ref reader, options)!]
                : JsonSerializer.Deserialize<List<XTweet>>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, List<XTweet> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }
}
