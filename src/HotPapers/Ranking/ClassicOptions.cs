namespace HotPapers.Ranking;

/// <summary>The thresholds of the original algorithm (post-format.md, steps 5 and 6).</summary>
public sealed record ClassicOptions
{
    public int PaperThreshold { get; init; } = 50;
    public int PostThreshold { get; init; } = 25;
    public int MaxPosts { get; init; } = 10;
}
