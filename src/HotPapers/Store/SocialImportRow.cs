using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>
/// One post of a bulk import and everything that goes with it: the papers it mentions, one engagement measurement
/// when the source had counts, and its embed HTML when the source kept it.
/// </summary>
public sealed record SocialImportRow(
    SocialPost Post,
    PostSource Source,
    IReadOnlyList<ArxivId> Papers,
    EngagementSnapshot? Snapshot,
    string? EmbedHtml = null)
{
    // The stored forms of the non-text columns, computed where the row is made: an importer makes rows on its
    // parsing thread, so the writing thread only binds and executes.
    internal string EntitiesJson { get; } = StoreJson.Entities(Post.Entities);
    internal string CreatedAtText { get; } = StoreTime.Utc(Post.CreatedAt);
    internal string? MeasuredAtText { get; } = Snapshot is null ? null : StoreTime.Utc(Snapshot.MeasuredAt);
    internal string SourceText => Source == PostSource.Api ? "api" : "embed";
}
