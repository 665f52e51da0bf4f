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
        var papers = context.Store.LoadCandidates(context.Window, context.Zone).Papers.Select(p => p.Paper.Id).ToList();
        var request = new SourceRequest(context.Window, papers, context.Store, context.Clock, context.Zone, context.Log);
        return source.CollectAsync(request, cancellationToken);
    }
}
