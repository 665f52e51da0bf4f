using System.CommandLine;
using HotPapers.Domain;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers render</c>: write a window's post (or its JSON) from the store.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings, PlatformRegistry platforms)
    {
        var date = DateOptions.Required("--date", "The listing date (YYYY-MM-DD), or the first of a range.");
        var until = DateOptions.Optional("--until", "The last listing date of a range.");
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
            date, until, outDir, format, embeds, paperThreshold, postThreshold, maxPosts, isoDate,
        };
        command.SetAction(parsed =>
        {
            var start = parsed.GetRequiredValue(date);
            var end = parsed.GetValue(until) ?? start;
            if (end < start)
            {
                error.WriteLine("hotpapers: --until is before --date");
                return HotPapersCli.BadUsage;
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
            var path = renderer.RenderToDirectory(new DigestWindow(start, end), parsed.GetRequiredValue(outDir), options);
            output.WriteLine($"wrote {path}");
            return HotPapersCli.Success;
        });
        return command;
    }

    /// <summary>The option's value when it was given on the command line, else null (the setting or default applies).</summary>
    private static int? Given(ParseResult parsed, Option<int> option) =>
        parsed.GetResult(option) is { Implicit: false } ? parsed.GetValue(option) : null;
}
