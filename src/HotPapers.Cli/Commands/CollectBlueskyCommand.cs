using System.CommandLine;
using HotPapers.Social.Bluesky;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers collect bluesky --date D</c>: backfill a day through authenticated searchPosts.</summary>
internal static class CollectBlueskyCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var date = DateOptions.Required("--date", "The day (UTC) whose posts to fetch, YYYY-MM-DD.");
        var command = new Command("bluesky", "Backfill a day of Bluesky posts linking arXiv (searchPosts; needs Bluesky:Handle and Bluesky:AppPassword).") { date };
        command.SetAction(async (parsed, ct) =>
        {
            try
            {
                var options = settings().Bluesky();
                var zone = TimeZoneInfo.Local;
                using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
                using var http = SourceHttp.Create(settings().BlueskyHttp(), line => error.WriteLine(line));
                var collector = new BlueskyCollector(store, http, options, GlobalOptions.Clock(parsed, zone), zone);
                var day = parsed.GetRequiredValue(date);
                var result = await collector.CollectDayAsync(day, ct, line => output.WriteLine($"bluesky {line}"));
                output.WriteLine($"bluesky {day:yyyy-MM-dd}: {result.Pages} pages, {result.PostsSeen} posts seen, {result.PostsKept} linking arXiv ({result.Links} links).");
                return HotPapersCli.Success;
            }
            catch (Exception e) when (e is BlueskyApiException or SettingsException or HttpRequestException or TaskCanceledException)
            {
                await error.WriteLineAsync($"hotpapers: bluesky: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        return command;
    }
}
