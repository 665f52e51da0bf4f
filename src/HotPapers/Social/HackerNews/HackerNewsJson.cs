using System.Text.Json.Serialization;

namespace HotPapers.Social.HackerNews;

// The Algolia HN Search envelope and hit (spec §6.3), both generations. objectID is a string; the other ids and
// the counts are numbers that may be missing or null.

internal sealed class AlgoliaResponse
{
    [JsonPropertyName("hits")] public List<AlgoliaHit>? Hits { get; set; }
    [JsonPropertyName("nbHits")] public long? NbHits { get; set; }
    [JsonPropertyName("page")] public int? Page { get; set; }
    [JsonPropertyName("nbPages")] public int? NbPages { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

internal sealed class AlgoliaHit
{
    [JsonPropertyName("objectID")] public string? ObjectId { get; set; }
    [JsonPropertyName("created_at_i")] public long? CreatedAtI { get; set; }
    [JsonPropertyName("created_at")] public string? CreatedAt { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("author")] public string? Author { get; set; }
    [JsonPropertyName("points")] public long? Points { get; set; }
    [JsonPropertyName("num_comments")] public long? NumComments { get; set; }
}

[JsonSerializable(typeof(AlgoliaResponse))]
internal sealed partial class HackerNewsJsonContext : JsonSerializerContext;
