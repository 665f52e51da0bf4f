using HotPapers.Social;

namespace HotPapers.Pipeline;

/// <summary>
/// A social source as a step of the daily job: the papers listed for the window, handed to the platform's
/// <see cref="ISocialSource"/>. What the source stores before a failure stays; the next run starts the step again.
/// </summary>
public sealed class SourceStep(string name, ISocialSource source) : IDailyStep
{
    public string Name => name;

    public Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        // Only what a source needs: the window's listed papers (their metadata comes after the sources, for the
        // papers someone posted about), and for a source with a budget their signal elsewhere. The candidates of the
        // window are not loaded here: the steps that rank load them once (CandidateCache).
        var papers = context.Store.Papers.LoadListedIds(context.Window);
        var request = new SourceRequest(context.Window, papers, context.Store, context.Clock, context.Zone, context.Log)
        {
            OtherPlatformsSignal = source.SpendsBudget ? context.Store.Posts.OtherPlatformsSignal(context.Window, source.Platform) : new Dictionary<Domain.ArxivId, long>(),
        };
        return source.CollectAsync(request, cancellationToken);
    }
}
