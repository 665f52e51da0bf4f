using System.CommandLine;
using System.Globalization;
using HotPapers.Domain;
using HotPapers.Pipeline;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers daily</c>: the whole job for one listing date (or each date of a range): announcements, metadata,
/// social posts, embeds, measuring, ranking and the post, optionally committed and pushed to the blog.
/// </summary>
internal static class DailyCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings, PlatformRegistry platforms)
    {
        var date = DateOptions.Optional("--date", "The listing date (default: yesterday in Daily:TimeZone).");
        var since = DateOptions.Optional("--since", "The first listing date of a range (one post per date).");
        var until = DateOptions.Optional("--until", "The last listing date of a range (with --since).");
        var offline = new Option<bool>("--offline") { Description = "Serve every request from the recordings in Daily:ReplayDir/<date>/ (no network)." };
        var publish = new Option<bool>("--publish") { Description = "Commit the post in the blog repository (message \"new post\") and push it." };
        var contentDir = new Option<string?>("--content-dir") { Description = "Where the post is written (default Daily:ContentDir, else content/posts)." };
        var record = new Option<string?>("--record") { Description = "Also record every HTTP exchange into DIR/<date>/exchanges.jsonl for later offline runs." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary and errors." };
        var verbose = new Option<bool>("--verbose") { Description = "Print every step's progress lines." };
        var command = new Command("daily", "Run the daily job: collect, rank and write the Hot Papers post.")
        {
            date, since, until, offline, publish, contentDir, record, quiet, verbose,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var config = settings();
            var zone = config.TimeZone();
            var clock = GlobalOptions.Clock(parsed, zone);
            var days = Days(parsed.GetValue(date), parsed.GetValue(since), parsed.GetValue(until), clock, zone);
            if (days is null)
            {
                await error.WriteLineAsync("hotpapers: daily: give --date, or --since with --until (not both), with --until not before --since");
                return HotPapersCli.BadUsage;
            }
            var db = parsed.GetRequiredValue(GlobalOptions.Db);
            var log = new RunLog(output, parsed.GetValue(quiet), parsed.GetValue(verbose));
            try
            {
                var runs = days.Select(day => new DailyRunSetup(config, platforms, parsed.GetValue(offline), parsed.GetValue(record), day, clock, zone)
                {
                    ContentDir = parsed.GetValue(contentDir) ?? config.Get("Daily", "ContentDir") ?? Path.Combine("content", "posts"),
                    Publish = parsed.GetValue(publish),
                }).ToList();
                // Settings, secrets and the post's destination are checked before the lock, the store and the first request.
                runs[0].Preflight();
                using var runLock = RunLock.ForStore(db, config.Get("Daily", "LockFile"), clock);
                using var store = HotPapersStore.Open(db);
                foreach (var run in runs) await RunDayAsync(run, store, log, ct);
                // The site's change log gains a row for every row a run writes (and the Jetstream listener beside it
                // writes all day); keeping the newest row per key answers every later "what changed since" the same.
                var dropped = store.Write(_ => store.Changes.Compact());
                log.Line($"change log: {dropped} superseded rows dropped");
                return HotPapersCli.Success;
            }
            catch (Exception e) when (e is RunLockedException or DailyStepFailedException or SettingsException or DirectoryNotFoundException or InvalidDataException)
            {
                await error.WriteLineAsync($"hotpapers: daily: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        return command;
    }

    private static async Task RunDayAsync(DailyRunSetup run, HotPapersStore store, RunLog log, CancellationToken ct)
    {
        using var http = run.CreateHttp(log.Line);
        var steps = run.Steps(http);
        var context = new DailyContext(run.Window, store, run.Clock, run.Zone, log.Line);
        log.Start(run.Window, steps.Count);
        log.Note(run.SourceChoice.Line);
        var reports = await new DailyJob(steps.Select(s => log.Track(s)).ToList()).RunAsync(context, ct);
        log.Summary(run.Window, context.Candidates.Current(), reports, http.Counter.ByService);
    }

    /// <summary>The listing dates to run: one date, a range, or yesterday; null when the options contradict.</summary>
    private static List<DateOnly>? Days(DateOnly? date, DateOnly? since, DateOnly? until, TimeProvider clock, TimeZoneInfo zone)
    {
        if (date is not null && (since is not null || until is not null)) return null;
        if (date is { } single) return [single];
        if (since is null && until is null) return [DailyJob.DefaultWindow(clock, zone).Start];
        if (since is not { } first || until is not { } last || last < first) return null;
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
