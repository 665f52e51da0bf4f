using System.CommandLine;
using HotPapers.Configuration;
using HotPapers.Domain;
using HotPapers.Http;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers collect NAME --date D</c> for every registered platform: the platform's source, run once for a day,
/// exactly as <c>daily</c> runs it. The source's settings come from its own section.
/// </summary>
internal static class CollectSourceCommand
{
    public static Command Create(SocialPlatform platform, TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var date = DateOptions.Required("--date", platform.NeedsPapers
            ? "The listing date whose papers to search for (collect arxiv first), YYYY-MM-DD."
            : "The day (UTC) whose posts to fetch, YYYY-MM-DD.");
        var command = new Command(platform.SourceName, platform.Description) { date };
        command.SetAction(async (parsed, ct) =>
        {
            var name = platform.SourceName;
            try
            {
                var config = settings();
                var zone = config.TimeZone();
                var clock = GlobalOptions.Clock(parsed, zone);
                var window = DigestWindow.Day(parsed.GetRequiredValue(date));
                using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
                var papers = store.LoadCandidates(window, zone).Papers.Select(p => p.Paper.Id).ToList();
                if (platform.NeedsPapers && papers.Count == 0)
                {
                    await error.WriteLineAsync($"hotpapers: {name}: no papers stored for {window.DateStr}; run 'hotpapers collect arxiv --date {window.DateStr}' first");
                    return HotPapersCli.Failure;
                }
                // Each wait before a retry is one line on stderr, so it shows under cron too.
                using var http = new RunHttp(new Pipeline.RequestCounter(SourceHttp.Network()), line => error.WriteLine(line), offline: false);
                var source = platform.CreateSource(new SourceServices(http.Client, config, clock, zone, Offline: false));
                var summary = await source.CollectAsync(new SourceRequest(window, papers, store, clock, zone, line => output.WriteLine(line)), ct);
                await output.WriteLineAsync($"{name} {summary}.");
                return HotPapersCli.Success;
            }
            catch (Exception e) when (e is SourceException or SettingsException)
            {
                // One line naming the source; the HTTP policy has already retried what was worth retrying.
                await error.WriteLineAsync($"hotpapers: {name}: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        return command;
    }
}
