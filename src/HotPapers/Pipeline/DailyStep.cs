using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Pipeline;

/// <summary>
/// One step of the daily job (announcements, metadata, a social source, embeds, measuring, writing). A step
/// must be idempotent: a run killed inside it runs it again from the start, and what it already stored must
/// not be stored twice. It returns a one-line summary for the run's report.
/// </summary>
public interface IDailyStep
{
    string Name { get; }

    /// <summary>A cheap, idempotent step (writing the post) runs on every run, even when an earlier one finished it.</summary>
    bool RunsEveryTime => false;

    Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken);
}

/// <summary>What every step may use. <see cref="Log"/> takes plain progress lines.</summary>
public sealed record DailyContext(
    DigestWindow Window,
    HotPapersStore Store,
    TimeProvider Clock,
    TimeZoneInfo Zone,
    Action<string> Log)
{
    /// <summary>The window's candidates, shared by the steps that rank them (one load per stage, not one per step).</summary>
    public CandidateCache Candidates { get; } = new(Store, Window, Zone);
}

/// <summary>A source failed after its retries; the run stops with this one-line reason, keeping what was collected.</summary>
public sealed class SourceFailedException(string source, string reason, Exception? inner = null)
    : Exception($"{source}: {reason}", inner)
{
    public string SourceName { get; } = source;
}
