namespace HotPapers.Publishing.Site;

/// <summary>What a build wrote: <see cref="Files"/> in the site, <see cref="Written"/> of them written by this build.</summary>
public sealed record SiteBuildResult(string Directory, int Files, int Days, int Papers, int Categories, TimeSpan Elapsed)
{
    /// <summary>Files this build wrote (all of them in a full build) and removed.</summary>
    public int Written { get; init; } = Files;

    public int Removed { get; init; }

    public bool Incremental { get; init; }
}
