using System.CommandLine;
using HotPapers.Social.HackerNews;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers collect hn --date D</c>: the day's Hacker News stories linking arXiv.</summary>
internal static class CollectHackerNewsCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var date = DateOptions.Required("--date", "The day (UTC) whose stories to fetch, YYYY-MM-DD.");
        var command = new Command("hn", "Fetch a day's Hacker News stories linking arXiv papers (Algolia URL search).") { date };
        command.SetAction(async (parsed, ct) =>
        {
            try
            {
                var options = settings().HackerNews();
                using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
                using var http = SourceHttp.Create(settings().HackerNewsHttp(), line => error.WriteLine(line));
                var collector = new HackerNewsCollector(store, http, options, GlobalOptions.Clock(parsed, TimeZoneInfo.Local));
                var day = parsed.GetRequiredValue(date);
                var result = await collector.CollectDayAsync(day, ct, line => output.WriteLine($"hn {line}"));
                output.WriteLine($"hn {day:yyyy-MM-dd}: {result.Requests} requests, {result.Hits} hits, {result.StoriesKept} stories linking arXiv ({result.Links} links).");
                return HotPapersCli.Success;
            }
            catch (Exception e) when (e is HackerNewsApiException or SettingsException or HttpRequestException or TaskCanceledException)
            {
                await error.WriteLineAsync($"hotpapers: hn: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        return command;
    }
}
