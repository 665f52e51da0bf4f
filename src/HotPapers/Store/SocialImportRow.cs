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
    internal string? MeasuredAtText { get; } = Snapshot is null ? null : MeasuredText(Snapshot.MeasuredAt);

    // The posts of one fetch share their measured time: one string for all of them (the writer then binds it once).
    [ThreadStatic]
    private static (DateTimeOffset At, string Text)? _lastMeasured;

    private static string MeasuredText(DateTimeOffset at)
    {
        if (_lastMeasured is { } last && last.At == at) return last.Text; // the text depends on the instant only
        var text = StoreTime.Utc(at);
        _lastMeasured = (at, text);
        return text;
    }
    internal string SourceText => Source == PostSource.Api ? "api" : "embed";
}
