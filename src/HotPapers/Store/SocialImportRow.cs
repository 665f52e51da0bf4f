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
    string? EmbedHtml = null);
