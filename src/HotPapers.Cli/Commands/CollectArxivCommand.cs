using System.CommandLine;
using HotPapers.Arxiv;
using HotPapers.Http;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers collect arxiv --date D [--until D2] [--source listing|rss|oai] [--refetch]</c>.</summary>
internal static class CollectArxivCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var date = DateOptions.Required("--date", "The listing date (YYYY-MM-DD), or the first of a range.");
        var until = DateOptions.Optional("--until", "The last listing date of a range.");
        var source = OptionValues.Choice("--source", "Where announcements come from: listing (pastweek pages), rss (today's feed) or oai (backfill).", AnnouncementSourceKind.Listing);
        var refetch = new Option<bool>("--refetch") { Description = "Fetch metadata again even for papers the store already holds." };
        var command = new Command("arxiv", "Store the papers arXiv announced on a listing date, with their metadata.") { date, until, source, refetch };
        command.SetAction(async (parsed, cancellation) =>
        {
            var start = parsed.GetRequiredValue(date);
            var end = parsed.GetValue(until) ?? start;
            if (end < start)
            {
                await error.WriteLineAsync("hotpapers: --until is before --date");
                return HotPapersCli.BadUsage;
            }
            ArxivOptions options;
            try
            {
                options = settings().Arxiv();
            }
            catch (SettingsException e)
            {
                await error.WriteLineAsync($"hotpapers: {e.Message}");
                return HotPapersCli.BadUsage;
            }
            var clock = GlobalOptions.Clock(parsed, TimeZoneInfo.Local);
            using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
            using var network = SourceHttp.Network();
            var http = new ArxivHttp(network, options, clock) { Log = line => error.WriteLine(line) };
            var collector = new ArxivCollector(store, AnnouncementSource.Create(parsed.GetValue(source), http, options), new ArxivApiClient(http, options), options, clock)
            {
                Log = line => error.WriteLine(line),
            };
            var failed = false;
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                try
                {
                    var report = await collector.CollectAsync(day, parsed.GetValue(refetch), cancellation);
                    await output.WriteLineAsync($"{day:yyyy-MM-dd}: {report.Announced} papers announced, {report.AlreadyHeld} already held, {report.Fetched} fetched in {report.Requests} API requests, {report.Missing.Count} missing");
                    foreach (var (id, problem) in report.Missing) await error.WriteLineAsync($"hotpapers: {id}: {problem}");
                    foreach (var note in report.Notes) await error.WriteLineAsync($"arxiv: note: {note}");
                    failed |= !report.Succeeded;
                }
                catch (SourceException e)
                {
                    await error.WriteLineAsync($"hotpapers: {day:yyyy-MM-dd}: {e.Message}");
                    failed = true;
                }
            }
            await output.WriteLineAsync($"{http.RequestCount} requests to arXiv.");
            return failed ? HotPapersCli.Failure : HotPapersCli.Success;
        });
        return command;
    }
}
