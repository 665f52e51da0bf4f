using System.Text.Json.Serialization;

namespace HotPapers.Social.HuggingFace;

// One entry of /api/daily_papers?date=YYYY-MM-DD: the paper (its id is the arXiv id, its upvotes the day's count)
// and who put it on the day's page. Only the fields HotPapers reads; every one may be missing.

internal sealed class DailyPaperEntry
{
    [JsonPropertyName("paper")] public DailyPaper? Paper { get; set; }
    [JsonPropertyName("publishedAt")] public string? PublishedAt { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("numComments")] public long? NumComments { get; set; }
    [JsonPropertyName("submittedBy")] public DailyPaperUser? SubmittedBy { get; set; }
}

internal sealed class DailyPaper
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("upvotes")] public long? Upvotes { get; set; }
    [JsonPropertyName("submittedOnDailyAt")] public string? SubmittedOnDailyAt { get; set; }
    [JsonPropertyName("submittedOnDailyBy")] public DailyPaperUser? SubmittedOnDailyBy { get; set; }
}

/// <summary>A user as the API shows one: <c>name</c> (or <c>user</c> in the paper's own copy) is the handle.</summary>
internal sealed class DailyPaperUser
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("user")] public string? User { get; set; }
    [JsonPropertyName("fullname")] public string? Fullname { get; set; }
}

[JsonSerializable(typeof(List<DailyPaperEntry>))]
internal sealed partial class HuggingFaceJsonContext : JsonSerializerContext;
