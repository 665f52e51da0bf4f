using System.CommandLine;
using HotPapers.Importing;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers import posts &lt;file-or-dir&gt;...</c>: read an existing blog's posts into the store.</summary>
internal static class ImportCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var import = new Command("import", "Import data from files into the store.");
        import.Subcommands.Add(Posts(output, error));
        import.Subcommands.Add(ImportTweetsCommand.Create(output, error));
        return import;
    }

    private static Command Posts(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("file-or-dir")
        {
            Description = "Hot Papers Markdown posts, or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("posts", "Import published Hot Papers posts (front matter, papers, totals, embeds).") { paths };
        command.SetAction(parsed =>
        {
            var files = PostArchiveImporter.FindPostFiles(parsed.GetRequiredValue(paths));
            using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
            var importer = new PostArchiveImporter(store);
            var failed = 0;
            int papers = 0, embeds = 0;
            foreach (var file in files)
            {
                var result = importer.ImportFile(file);
                if (!result.Succeeded)
                {
                    failed++;
                    error.WriteLine($"hotpapers: {result.Error}");
                    continue;
                }
                papers += result.Papers;
                embeds += result.Embeds;
                var note = result.EmbedsNotReproducible == 0 ? "" : $", {result.EmbedsNotReproducible} whose snapshot differs from the stored HTML";
                output.WriteLine($"imported {file}: {result.Papers} papers, {result.Embeds} embeds{note}");
            }
            output.WriteLine($"{files.Count - failed} of {files.Count} posts imported: {papers} papers, {embeds} embeds.");
            return failed == 0 ? HotPapersCli.Success : HotPapersCli.Failure;
        });
        return command;
    }
}
