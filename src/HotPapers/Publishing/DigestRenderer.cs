using HotPapers.Domain;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Publishing;

public enum OutputFormat
{
    Gatsby,
    Json,
}

public enum EmbedSource
{
    /// <summary>The cached oEmbed HTML; a post without one is rendered locally by its platform's presenter.</summary>
    Stored,

    /// <summary>Every embed rendered from the post's structured fields by its presenter, never from stored HTML.</summary>
    Snapshot,
}

public sealed record RenderOptions
{
    public OutputFormat Format { get; init; } = OutputFormat.Gatsby;
    public EmbedSource Embeds { get; init; } = EmbedSource.Stored;
    public ClassicOptions Classic { get; init; } = new();
    public bool IsoDate { get; init; }
}

/// <summary>
/// Renders a window from the store: load, keep the classic platforms' posts (<see cref="ClassicOptions.Platforms"/>),
/// rank with the classic rules, write the post atomically. Each post is shown by its own platform's presenter.
/// </summary>
public sealed class DigestRenderer(HotPapersStore store, TimeProvider clock, TimeZoneInfo localZone, PlatformRegistry? platforms = null)
{
    private readonly PlatformRegistry _platforms = platforms ?? PlatformRegistry.Default;

    /// <param name="loaded">The window's candidates when the caller has just loaded them (the daily run); else read here.</param>
    public RankedDigest Rank(DigestWindow window, RenderOptions options, DigestCandidates? loaded = null)
    {
        var candidates = PaperTotals.OnlyPlatforms(loaded ?? store.LoadCandidates(window, localZone), options.Classic.Platforms, localZone);
        // An imported or already written digest keeps its own generation time; a new one takes the clock's.
        var generatedAt = candidates.GeneratedAt ?? TimeZoneInfo.ConvertTime(clock.GetUtcNow(), localZone).DateTime;
        return ClassicRanking.Rank(candidates, generatedAt, options.Classic, post => EmbedHtml(post, options.Embeds));
    }

    public string RenderText(DigestWindow window, RenderOptions options, DigestCandidates? loaded = null)
    {
        var ranked = Rank(window, options, loaded);
        return options.Format == OutputFormat.Json ? DigestJsonWriter.Write(ranked) : GatsbyPostWriter.Write(ranked, options.IsoDate);
    }

    /// <summary>Writes <c>DIR/&lt;date_str&gt;---Hot-Papers.md</c> (or <c>.json</c>) atomically and returns its path.</summary>
    public string RenderToDirectory(DigestWindow window, string directory, RenderOptions options, DigestCandidates? loaded = null)
    {
        var name = options.Format == OutputFormat.Json ? $"{window.FileStem}---Hot-Papers.json" : window.FileName;
        var path = Path.Combine(directory, name);
        AtomicFile.WriteAllText(path, RenderText(window, options, loaded));
        return path;
    }

    /// <summary>
    /// The cached (fetched or imported) HTML when stored embeds are wanted and it still passes its platform's embed
    /// grammar, else the presenter's local rendering.
    /// </summary>
    private string EmbedHtml(CandidatePost post, EmbedSource source)
    {
        var presenter = _platforms.Presenter(post.Post.Platform);
        return source == EmbedSource.Stored && post.StoredHtml is { } html && presenter.AllowsCachedEmbed(html)
            ? html
            : presenter.RenderEmbed(post.Post, new PresentContext(store, localZone));
    }
}
