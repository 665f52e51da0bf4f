using System.CommandLine;
using HotPapers.Cli.Commands;

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

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("HotPapers: the arXiv papers people are talking about, day by day.");
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Now);
        root.Subcommands.Add(ImportCommands.Create(output, error));
        root.Subcommands.Add(RenderCommand.Create(output, error));
        root.Subcommands.Add(SiteCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync($"hotpapers: {problem.Message}");
            await error.WriteLineAsync("Run 'hotpapers --help' for usage.");
            return BadUsage;
        }
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await parsed.InvokeAsync(invocation);
    }
}
