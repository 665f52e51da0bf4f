using HotPapers.Social;

namespace HotPapers.Pipeline;

/// <summary>
/// A social source as a step of the daily job: the papers stored for the window, handed to the platform's
/// <see cref="ISocialSource"/>. What the source stores before a failure stays; the next run starts the step again.
/// </summary>
public sealed class SourceStep(string name, ISocialSource source) : IDailyStep
{
    public string Name => name;

    public Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var candidates = context.Store.LoadCandidates(context.Window, context.Zone).Papers;
        var papers = candidates.Select(p => p.Paper.Id).ToList();
        var request = new SourceRequest(context.Window, papers, context.Store, context.Clock, context.Zone, context.Log)
        {
            OtherPlatformsSignal = Signal(candidates, source.Platform),
        };
        return source.CollectAsync(request, cancellationToken);
    }

    /// <summary>Per paper, the latest scores of its posts on platforms other than <paramref name="platform"/>, summed.</summary>
    public static Dictionary<Domain.ArxivId, long> Signal(IEnumerable<Ranking.CandidatePaper> papers, string platform)
    {
        var signal = new Dictionary<Domain.ArxivId, long>();
        foreach (var paper in papers)
        {
            var sum = paper.Posts.Where(p => p.Post.Platform != platform && p.Counts is not null).Sum(p => (long)p.Counts!.Score);
            if (sum > 0) signal[paper.Paper.Id] = sum;
        }
        return signal;
    }
}
