namespace HotPapers.Ranking;

/// <summary>The thresholds of the original algorithm (post-format.md, steps 5 and 6).</summary>
public sealed record ClassicOptions
{
    /// <summary>The original's thresholds, the ones every published post was selected with.</summary>
    public static readonly ClassicOptions Original = new();

    public int PaperThreshold { get; init; } = 50;
    public int PostThreshold { get; init; } = 25;
    public int MaxPosts { get; init; } = 10;

    /// <summary>
    /// The platforms whose posts count in R and F and are embedded (<c>Classic:Platforms</c>). The original counted
    /// tweets only, so the default is X alone; the site shows every platform whatever this says.
    /// </summary>
    public IReadOnlyList<string> Platforms { get; init; } = [Domain.SocialPost.X];

    /// <summary>
    /// Whether these are the thresholds every published post was selected with (the platforms do not matter: a
    /// printed post shows what it printed).
    /// </summary>
    public bool HasOriginalThresholds =>
        PaperThreshold == Original.PaperThreshold && PostThreshold == Original.PostThreshold && MaxPosts == Original.MaxPosts;
}
