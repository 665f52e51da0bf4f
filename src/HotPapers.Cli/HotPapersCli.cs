using System.CommandLine;
using HotPapers.Cli.Commands;
using HotPapers.Social;

namespace HotPapers.Cli;

/// <summary>
/// The command tree. Each command is a small class that parses its options, calls the library and maps errors
/// to exit codes: 0 success, 1 failure (one line on stderr), 2 bad usage.
/// </summary>
public static class HotPapersCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <param name="platforms">The social platforms known to this run (default <see cref="PlatformRegistry.Default"/>).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?>? environment = null, PlatformRegistry? platforms = null)
    {
        platforms ??= PlatformRegistry.Default;
        ParseResult? parsed = null;
        // Settings are read when a command needs them, after parsing, so that --setting can override them.
        var settings = new Lazy<Settings>(() => Settings.Load(parsed!, environment, line => error.WriteLine(line)));
        var root = new RootCommand("HotPapers: the arXiv papers people are talking about, day by day.");
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Now);
        root.Options.Add(Settings.Overrides);
        root.Subcommands.Add(ImportCommands.Create(output, error));
        root.Subcommands.Add(RenderCommand.Create(output, error, () => settings.Value, platforms));
        root.Subcommands.Add(CollectCommand.Create(
            CollectArxivCommand.Create(output, error, () => settings.Value), platforms, output, error, () => settings.Value));
        root.Subcommands.Add(ListenBlueskyCommand.Create(output, error, () => settings.Value));
        root.Subcommands.Add(DailyCommand.Create(output, error, () => settings.Value, platforms));
        root.Subcommands.Add(SiteCommand.Create(output, error, () => settings.Value));
        root.Subcommands.Add(ServeCommand.Create(output, error, () => settings.Value));

        parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            // An unknown subcommand ('collect mastodon') gets one line naming the known ones instead of one per token.
            var command = parsed.CommandResult.Command;
            if (command.Subcommands.Count > 0 && parsed.UnmatchedTokens is [var unknown, ..] && !unknown.StartsWith('-'))
            {
                var path = command is RootCommand ? "" : command.Name + " ";
                await error.WriteLineAsync($"hotpapers: {path}'{unknown}' is not a command; the commands are {string.Join(", ", command.Subcommands.Select(c => c.Name))}");
                await error.WriteLineAsync($"Run 'hotpapers {path}--help' for usage.");
                return BadUsage;
            }
            foreach (var problem in parsed.Errors) await error.WriteLineAsync($"hotpapers: {problem.Message}");
            await error.WriteLineAsync("Run 'hotpapers --help' for usage.");
            return BadUsage;
        }
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One line, no stack trace: the user needs the reason, not our internals.
            await error.WriteLineAsync($"hotpapers: {e.Message}");
            return Failure;
        }
    }
}
