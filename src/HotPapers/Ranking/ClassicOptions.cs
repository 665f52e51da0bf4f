namespace HotPapers.Ranking;

/// <summary>The thresholds of the original algorithm (post-format.md, steps 5 and 6).</summary>
public sealed record ClassicOptions
{
    /// <summary>The original's thresholds, the ones every published post was selected with.</summary>
    public static readonly ClassicOptions Original = new();

    public int PaperThreshold { get; init; } = 50;
    public int PostThreshold { get; init; } = 25;
    public int MaxPosts { get; init; } = 10;
}
