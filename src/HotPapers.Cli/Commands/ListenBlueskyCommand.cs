using System.CommandLine;
using System.Globalization;
using HotPapers.Social.Bluesky;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers listen bluesky [--max-events N] [--until-cursor T]</c>: follow Jetstream, keeping arXiv posts and
/// counting their likes, reposts and quotes. Ctrl+C stops after committing what was received.
/// </summary>
internal static class ListenBlueskyCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        // The receiving task logs (connects, drops) while the committing task reports progress.
        output = TextWriter.Synchronized(output);
        var maxEvents = new Option<long?>("--max-events") { Description = "Stop after this many events." };
        var untilCursor = new Option<long?>("--until-cursor") { Description = "Stop once an event at or after this time_us (unix microseconds) is applied." };
        var bluesky = new Command("bluesky", "Follow Bluesky's Jetstream: keep posts linking arXiv, count their likes, reposts and quotes (resumes where it stopped).")
        {
            maxEvents, untilCursor,
        };
        bluesky.SetAction(async (parsed, ct) =>
        {
            try
            {
                var url = BlueskyPlatform.ReadOptions(settings()).JetstreamUrl;
                using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db), JetstreamOptions.StorePageCacheMiB);
                var options = new JetstreamOptions { Url = url, MaxEvents = parsed.GetValue(maxEvents), UntilCursor = parsed.GetValue(untilCursor) };
                var lastReport = TimeProvider.System.GetTimestamp();
                var listener = new JetstreamListener(store, options, TimeProvider.System, log: line => output.WriteLine($"jetstream: {line}"))
                {
                    Committed = totals =>
                    {
                        // Plain progress lines, at most one every five seconds.
                        if (TimeProvider.System.GetElapsedTime(lastReport) < TimeSpan.FromSeconds(5)) return;
                        lastReport = TimeProvider.System.GetTimestamp();
                        output.WriteLine(Summary("jetstream: ", totals));
                    },
                };
                // Snapshots are measured in stream time (time_us), so --now does not apply here.
                var stats = await listener.RunAsync(ct);
                output.WriteLine(Summary("jetstream stopped: ", stats));
                return HotPapersCli.Success;
            }
            catch (Exception e) when (e is SettingsException or System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                await error.WriteLineAsync($"hotpapers: listen bluesky: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        var listen = new Command("listen", "Follow a live source until stopped.");
        listen.Subcommands.Add(bluesky);
        return listen;
    }

    private static string Summary(string prefix, JetstreamStats s) => string.Create(CultureInfo.InvariantCulture,
        $"{prefix}{s.Events} events, {s.PostsKept} posts kept, likes {s.Likes:+#;-#;0}, reposts {s.Reposts:+#;-#;0}, quotes {s.Quotes:+#;-#;0}, {s.Duplicates} replays skipped, {s.Malformed} malformed, cursor {s.Cursor?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}
