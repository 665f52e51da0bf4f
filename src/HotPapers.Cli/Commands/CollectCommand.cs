using System.CommandLine;
using HotPapers.Social;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers collect arxiv|&lt;source&gt; --date D</c>: a listing date's papers, or a day's social posts from one
/// registered platform's source. An unknown name is refused by the parser, listing the known ones.
/// </summary>
internal static class CollectCommand
{
    public static Command Create(Command arxiv, PlatformRegistry platforms, TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var collect = new Command("collect", "Fetch a listing date's papers (arxiv) or a day's posts linking arXiv papers from a social source into the store.");
        collect.Subcommands.Add(arxiv);
        foreach (var platform in platforms.All) collect.Subcommands.Add(CollectSourceCommand.Create(platform, output, error, settings));
        return collect;
    }
}
