using System.Diagnostics;
using HotPapers.Domain;

namespace HotPapers.Pipeline;

/// <summary>A step failed (after its own retries); the message is one line naming the step and the reason.</summary>
public sealed class DailyStepFailedException(string step, Exception inner)
    : Exception(inner is SourceFailedException ? inner.Message : $"{step}: {inner.Message}", inner) // a source's message already names it
{
    public string Step { get; } = step;
}

/// <summary>How one step of a run went.</summary>
public sealed record StepReport(string Step, bool Skipped, TimeSpan Elapsed, string Summary);

/// <summary>
/// Runs the steps of the daily job in order for one window. Each finished step is recorded in the store, so a
/// run that was killed starts again where it stopped and ends with the same post and no duplicate rows.
/// </summary>
public sealed class DailyJob(IReadOnlyList<IDailyStep> steps)
{
    public async Task<IReadOnlyList<StepReport>> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var reports = new List<StepReport>();
        var done = context.Store.Digests.CompletedSteps(context.Window);
        foreach (var step in steps)
        {
            if (!step.RunsEveryTime && done.TryGetValue(step.Name, out var earlier))
            {
                context.Log($"{step.Name}: done in an earlier run ({earlier})");
                reports.Add(new StepReport(step.Name, true, TimeSpan.Zero, earlier));
                continue;
            }
            context.Log($"{step.Name}: starting");
            var watch = Stopwatch.StartNew();
            string summary;
            try
            {
                summary = await step.RunAsync(context, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // What the step stored before failing stays; the next run starts this step again.
                throw new DailyStepFailedException(step.Name, e);
            }
            context.Store.Write(tx => tx.Digests.CompleteStep(context.Window, step.Name, context.Clock.GetUtcNow(), summary));
            reports.Add(new StepReport(step.Name, false, watch.Elapsed, summary));
            context.Log($"{step.Name}: {summary} ({watch.Elapsed.TotalSeconds:0.0} s)");
        }
        return reports;
    }

    /// <summary>The window of a plain <c>daily</c>: yesterday's listing date in the configured time zone.</summary>
    public static DigestWindow DefaultWindow(TimeProvider clock, TimeZoneInfo zone) =>
        DigestWindow.Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime).AddDays(-1));
}
