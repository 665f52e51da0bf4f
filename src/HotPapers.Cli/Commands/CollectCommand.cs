using System.CommandLine;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers collect &lt;source&gt; --date D</c>: fetch a day's social posts from one source into the store.</summary>
internal static class CollectCommand
{
    public static Command Create(params Command[] sources)
    {
        var collect = new Command("collect", "Fetch a day's posts linking arXiv papers from a social source into the store.");
        foreach (var source in sources) collect.Subcommands.Add(source);
        return collect;
    }
}
