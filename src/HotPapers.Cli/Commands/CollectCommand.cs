using System.CommandLine;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers collect &lt;source&gt;</c>: the parent of every collector. Each source adds its own subcommand in
/// <see cref="Create"/> (one line each) through <see cref="Add"/>.
/// </summary>
internal static class CollectCommand
{
    public static Command Create(TextWriter output, TextWriter error, Settings settings)
    {
        var collect = new Command("collect", "Collect announcements, metadata and social posts into the store.");
        Add(collect, CollectArxivCommand.Create(output, error, settings));
        return collect;
    }

    /// <summary>Adds a source's subcommand under <c>collect</c>.</summary>
    public static Command Add(Command collect, Command subcommand)
    {
        collect.Subcommands.Add(subcommand);
        return collect;
    }
}
