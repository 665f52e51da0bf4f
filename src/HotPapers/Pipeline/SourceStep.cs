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
        // Only what a source needs: the window's papers, and for a source with a budget their signal elsewhere. The
        // candidates of the window are not loaded here: the steps that rank load them once (CandidateCache).
        var papers = context.Store.Papers.LoadAnnounced(context.Window).Select(p => p.Id).ToList();
        var request = new SourceRequest(context.Window, papers, context.Store, context.Clock, context.Zone, context.Log)
        {
            OtherPlatformsSignal = source.SpendsBudget ? Signal(context.Store.Posts.LoadForWindow(context.Window), source.Platform) : new Dictionary<Domain.ArxivId, long>(),
        };
        return source.CollectAsync(request, cancellationToken);
    }

    /// <summary>Per paper, the latest scores of its posts on platforms other than <paramref name="platform"/>, summed.</summary>
    internal static Dictionary<Domain.ArxivId, long> Signal(IReadOnlyDictionary<string, List<Ranking.CandidatePost>> postsByPaper, string platform)
    {
        var signal = new Dictionary<Domain.ArxivId, long>();
        foreach (var (paper, posts) in postsByPaper)
        {
            var sum = posts.Where(p => p.Post.Platform != platform && p.Counts is not null).Sum(p => (long)p.Counts!.Score);
            if (sum > 0 && Domain.ArxivId.TryParse(paper, out var id)) signal[id] = sum;
        }
        return signal;
    }
}
