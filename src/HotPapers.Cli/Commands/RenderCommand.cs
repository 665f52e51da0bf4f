using System.CommandLine;
using HotPapers.Domain;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers render</c>: write a window's post (or its JSON) from the store; with <c>--each</c>, every post of a
/// range on its own, in one process (a blog re-render after a template change).
/// </summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings, PlatformRegistry platforms)
    {
        var date = DateOptions.Optional("--date", "The listing date (YYYY-MM-DD), or the first of a range.");
        var since = DateOptions.Optional("--since", "The first listing date of a range (the same as --date).");
        var until = DateOptions.Optional("--until", "The last listing date of a range.");
        var each = new Option<bool>("--each")
        {
            Description = "Write every post of the range on its own: each day with papers or a stored digest, and each stored range digest inside it.",
        };
        var outDir = new Option<string>("--out") { Description = "The folder to write into.", Required = true };
        var format = OptionValues.Choice("--format", "gatsby (the Markdown post) or json.", OutputFormat.Gatsby);
        var embeds = OptionValues.Choice("--embeds", "stored (cached oEmbed HTML) or snapshot (rendered from post fields).", EmbedSource.Stored);
        var defaults = new ClassicOptions();
        var paperThreshold = OptionValues.WholeNumber("--paper-threshold", $"Minimum paper score (retweets + favorites); default Classic:PaperThreshold, else {defaults.PaperThreshold}.");
        var postThreshold = OptionValues.WholeNumber("--post-threshold", $"Minimum post score; default Classic:PostThreshold, else {defaults.PostThreshold}.");
        var maxPosts = OptionValues.WholeNumber("--max-posts", $"Posts considered per paper before the post threshold; default Classic:MaxPosts, else {defaults.MaxPosts}.");
        var isoDate = new Option<bool>("--iso-date") { Description = "Write the front matter date as ISO 8601 instead of the classic '.Z' form." };

        var command = new Command("render", "Write a day's (or a range's) Hot Papers post from the store.")
        {
            date, since, until, each, outDir, format, embeds, paperThreshold, postThreshold, maxPosts, isoDate,
        };
        command.SetAction(parsed =>
        {
            if ((parsed.GetValue(date) ?? parsed.GetValue(since)) is not { } start || (parsed.GetValue(date) is not null && parsed.GetValue(since) is not null))
            {
                error.WriteLine("hotpapers: give the first date once, as --date or --since");
                return HotPapersCli.BadUsage;
            }
            var end = parsed.GetValue(until) ?? start;
            if (end < start)
            {
                error.WriteLine("hotpapers: --until is before --date");
                return HotPapersCli.BadUsage;
            }
            if (GlobalOptions.MissingStore(parsed.GetRequiredValue(GlobalOptions.Db)) is { } missing)
            {
                error.WriteLine($"hotpapers: render: {missing}");
                return HotPapersCli.Failure;
            }
            var config = settings();
            var zone = config.TimeZone();
            // The Classic section's settings, each overridden by its option when the option is given.
            var classic = config.Classic(platforms);
            classic = classic with
            {
                PaperThreshold = Given(parsed, paperThreshold) ?? classic.PaperThreshold,
                PostThreshold = Given(parsed, postThreshold) ?? classic.PostThreshold,
                MaxPosts = Given(parsed, maxPosts) ?? classic.MaxPosts,
            };
            using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
            var renderer = new DigestRenderer(store, GlobalOptions.Clock(parsed, zone), zone, platforms);
            var options = new RenderOptions
            {
                Format = parsed.GetValue(format),
                Embeds = parsed.GetValue(embeds),
                IsoDate = parsed.GetValue(isoDate),
                Classic = classic,
            };
            var range = new DigestWindow(start, end);
            if (!parsed.GetValue(each))
            {
                output.WriteLine($"wrote {renderer.RenderToDirectory(range, parsed.GetRequiredValue(outDir), options)}");
                return HotPapersCli.Success;
            }
            // Oldest first, so a long run can be followed; windows come from the store, so days with nothing are skipped.
            var windows = store.Digests.LoadWindows().Where(w => w.Start >= range.Start && w.End <= range.End)
                .OrderBy(w => w.Start).ThenBy(w => w.End).ToList();
            foreach (var window in windows)
                output.WriteLine($"wrote {renderer.RenderToDirectory(window, parsed.GetRequiredValue(outDir), options)}");
            output.WriteLine($"rendered {windows.Count} posts from {DigestWindow.Format(range.Start)} to {DigestWindow.Format(range.End)}");
            return HotPapersCli.Success;
        });
        return command;
    }

    /// <summary>The option's value when it was given on the command line, else null (the setting or default applies).</summary>
    private static int? Given(ParseResult parsed, Option<int> option) =>
        parsed.GetResult(option) is { Implicit: false } ? parsed.GetValue(option) : null;
}
