namespace HotPapers.Ranking;

/// <summary>The thresholds of the original algorithm (post-format.md, steps 5 and 6).</summary>
public sealed record ClassicOptions
{
    public int PaperThreshold { get; init; } = 50;
    public int PostThreshold { get; init; } = 25;
    public int MaxPosts { get; init; } = 10;

    /// <summary>
    /// The platforms whose posts count in R and F and are embedded (<c>Classic:Platforms</c>). The original counted
    /// tweets only, so the default is X alone; the site shows every platform whatever this says.
    /// </summary>
    public IReadOnlyList<string> Platforms { get; init; } = [Domain.SocialPost.X];
}
