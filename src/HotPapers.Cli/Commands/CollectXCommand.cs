using System.CommandLine;
using HotPapers.Domain;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers collect x --date D</c>: search X for posts linking the papers stored for a listing date.</summary>
internal static class CollectXCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var date = DateOptions.Required("--date", "The listing date whose papers to search for (collect arxiv first), YYYY-MM-DD.");
        var command = new Command("x", "Search X (API v2 recent search; needs X:BearerToken) for posts linking a listing date's papers.") { date };
        command.SetAction(async (parsed, ct) =>
        {
            try
            {
                var config = settings();
                var options = config.X();
                var zone = config.TimeZone();
                var day = parsed.GetRequiredValue(date);
                using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
                var papers = store.LoadCandidates(DigestWindow.Day(day), zone).Papers.Select(p => p.Paper.Id).ToList();
                if (papers.Count == 0)
                {
                    await error.WriteLineAsync($"hotpapers: x: no papers stored for {day:yyyy-MM-dd}; run 'hotpapers collect arxiv --date {day:yyyy-MM-dd}' first");
                    return HotPapersCli.Failure;
                }
                using var http = SourceHttp.Create();
                var clock = GlobalOptions.Clock(parsed, zone);
                // Rate-limit resets are real epoch seconds: waited for in real time, even when --now pins the clock.
                var result = await new XCollector(store, new XSearchClient(http, options, TimeProvider.System), options, clock).CollectAsync(papers, ct);
                await output.WriteLineAsync($"x {day:yyyy-MM-dd}: {papers.Count} papers in {result.QueriesRun} of {result.Queries} queries, {result.Requests} requests, "
                    + $"{result.PostsRead} posts read, {result.PostsStored} stored, {result.RepostsSkipped} reposts skipped, {result.Links} links"
                    + (result.BudgetExhausted ? $" (read budget of {options.ReadBudget} reached)" : "") + ".");
                return HotPapersCli.Success;
            }
            catch (Exception e) when (e is XApiException or SettingsException or ArgumentException or HttpRequestException or TaskCanceledException)
            {
                await error.WriteLineAsync($"hotpapers: x: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        return command;
    }
}
