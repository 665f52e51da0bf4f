using System.Globalization;
using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary>
/// What a daily run prints: in a terminal, one progress line redrawn in place ([###---] 3/7 x); otherwise plain log
/// lines dated to the second with the machine's offset (<c>2026-12-01 09:30:02+01:00</c>), so a log kept for weeks by
/// cron or journald reads on its own. <c>--quiet</c> keeps only the summary; <c>--verbose</c> adds every step's own lines.
/// The stamp is the real time the line was written (<paramref name="wallClock"/>), not the run's pinned <c>--now</c>.
/// </summary>
internal sealed class RunLog(TextWriter output, bool quiet, bool verbose, TimeProvider? wallClock = null)
{
    private readonly bool _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    private int _total;
    private int _done;

    public void Start(DigestWindow window, int steps)
    {
        _total = steps;
        _done = 0;
        if (!quiet) Plain($"daily {window.DateStr}: {steps} steps");
    }

    /// <summary>A line about the whole run (which sources, and why), shown unless --quiet.</summary>
    public void Note(string text)
    {
        if (!quiet) Plain(text);
    }

    /// <summary>Progress lines from inside a step: shown with --verbose, or as the terminal's status.</summary>
    public void Line(string text)
    {
        if (quiet) return;
        if (verbose) Plain(text);
        else if (_terminal) Bar(text);
    }

    public IDailyStep Track(IDailyStep step) => new TrackedStep(step, this);

    /// <param name="candidates">The window as the run's last step loaded it (no load of its own).</param>
    public void Summary(DigestWindow window, Ranking.DigestCandidates candidates, IReadOnlyList<StepReport> reports, IReadOnlyDictionary<string, int> requests)
    {
        if (_terminal && !quiet) output.Write("\r\u001b[2K");
        var posts = candidates.Papers.Sum(p => p.Posts.Count);
        output.WriteLine($"summary {window.DateStr}: {candidates.Papers.Count} papers, {posts} posts linking them");
        foreach (var report in reports)
            output.WriteLine($"  {report.Step,-10} {(report.Skipped ? "done earlier" : DailyCommand.Seconds(report.Elapsed)),12}  {report.Summary}");
        output.WriteLine(requests.Count == 0
            ? "  requests: none"
            : "  requests: " + string.Join(", ", requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")));
    }

    private void StepDone(StepReport report)
    {
        _done++;
        if (quiet) return;
        if (_terminal && !verbose) Bar($"{report.Step}: {report.Summary}");
        else Plain($"[{_done}/{_total}] {report.Step}: {report.Summary} ({DailyCommand.Seconds(report.Elapsed)})");
    }

    private void Bar(string text)
    {
        const int width = 20;
        var filled = _total == 0 ? 0 : width * _done / _total;
        var line = $"[{new string('#', filled)}{new string('-', width - filled)}] {_done}/{_total} {text}";
        var max = Math.Max(20, (Console.IsOutputRedirected ? 100 : Console.WindowWidth) - 1);
        output.Write("\r\u001b[2K" + (line.Length > max ? line[..max] : line));
    }

    private void Plain(string text) =>
        output.WriteLine($"{(wallClock ?? TimeProvider.System).GetLocalNow().ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture)} {text}");

    private sealed class TrackedStep(IDailyStep inner, RunLog log) : IDailyStep
    {
        public string Name => inner.Name;

        public bool RunsEveryTime => inner.RunsEveryTime;

        public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var summary = await inner.RunAsync(context, cancellationToken);
            log.StepDone(new StepReport(Name, false, watch.Elapsed, summary));
            return summary;
        }
    }
}
