using System.Globalization;
using HotPapers.Ranking;

namespace HotPapers.Pipeline;

/// <summary>
/// Fixes each paper's totals for the window, as the original did when it wrote each paper's stats line: papers are
/// ranked from the latest snapshots, and each ranked paper, in rank order, is stamped with the measuring clock's
/// time. Stored as the window's totals, they make a re-run print the same numbers and times.
/// </summary>
public sealed class MeasureStep(ClassicOptions options, TimeProvider? measuringClock = null) : IDailyStep
{
    public string Name => "measure";

    public Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var clock = measuringClock ?? context.Clock;
        var candidates = PaperTotals.OnlyPlatforms(context.Candidates.Current(), options.Platforms, context.Zone);
        var ranked = ClassicRanking.Rank(candidates, DateTime.MinValue, options, p => p.Post.PostId);
        var fixedNow = new Dictionary<Domain.ArxivId, (int, int, DateTime)>();
        context.Store.Write(tx =>
        {
            fixedNow.Clear(); // a retried transaction starts over
            // Totals already fixed for this window (an imported post, an earlier measurement) are history: keep them.
            foreach (var paper in ranked.Papers.Where(p => !p.Candidate.TotalsFixed))
            {
                var at = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), context.Zone).DateTime;
                var measuredAt = new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, DateTimeKind.Unspecified);
                tx.Digests.SetTotals(context.Window, paper.Candidate.Paper.Id, paper.Candidate.Reposts, paper.Candidate.Likes, measuredAt);
                fixedNow[paper.Candidate.Paper.Id] = (paper.Candidate.Reposts, paper.Candidate.Likes, measuredAt);
            }
        });
        context.Candidates.FixTotals(fixedNow);
        return Task.FromResult(string.Create(CultureInfo.InvariantCulture,
            $"{candidates.Papers.Count} papers scored, {ranked.Papers.Count} at or above {options.PaperThreshold}"));
    }
}
