namespace HotPapers.Publishing.Site;

/// <summary>How the HTML archive is built and served. The defaults make a self-contained site with no external requests.</summary>
public sealed record SiteOptions
{
    public string Title { get; init; } = "Hot Papers";

    /// <summary>Absolute URL the site is published at (ends with '/'); used for feed ids and links. Null keeps them relative.</summary>
    public Uri? BaseUrl { get; init; }

    public int DaysPerPage { get; init; } = 30;

    public int PapersPerCategoryPage { get; init; } = 100;

    /// <summary>The feed carries the newest this many days.</summary>
    public int FeedEntries { get; init; } = 100;

    /// <summary>Load the platform's widget script over the static snapshots (an external request, so off by default).</summary>
    public bool Widgets { get; init; }

    /// <summary>
    /// The ranking the day pages and day JSON use: the thresholds of <c>hotpapers render</c>, but every registered
    /// platform counts (the site shows each platform as itself; the classic post counts <c>Classic:Platforms</c> only).
    /// </summary>
    public RenderOptions Render { get; init; } = new()
    {
        Classic = new Ranking.ClassicOptions { Platforms = Social.PlatformRegistry.Default.All.Select(p => p.Platform).ToList() },
    };
}
