using System.CommandLine;
using HotPapers.Importing;
using HotPapers.Importing.Tweets;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers import posts &lt;file-or-dir&gt;...</c>: read an existing blog's posts into the store.</summary>
internal static class ImportCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var import = new Command("import", "Import data from files into the store.");
        import.Subcommands.Add(Posts(output, error));
        import.Subcommands.Add(Tweets(output, error));
        return import;
    }

    private static Command Tweets(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("file") { Description = "Tweet dumps (JSON or JSON Lines).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "x-v2, x-v1, twint or original (default: recognised per line)." };
        format.AcceptOnlyFromAmong(TweetFormats.Names);
        var measuredAt = new Option<DateTimeOffset?>("--measured-at")
        {
            Description = "When the counts in the files were taken (ISO 8601; default: each file's modification time).",
        };
        var command = new Command("tweets", "Import posts linking arXiv papers from X API v2, v1.1, twint or the original tool's dumps.") { files, format, measuredAt };
        command.SetAction(parsed =>
        {
            var chosen = parsed.GetValue(format) is { } name ? TweetFormats.Parse(name) : (TweetFormat?)null;
            using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
            var importer = parsed.GetValue(measuredAt) is { } at ? new TweetImporter(store) { MeasuredAt = _ => at } : new TweetImporter(store);
            var bad = 0;
            foreach (var file in parsed.GetRequiredValue(files))
            {
                if (!File.Exists(file))
                {
                    error.WriteLine($"hotpapers: {file}: no such file");
                    bad++;
                    continue;
                }
                var result = importer.ImportFile(file, chosen);
                foreach (var problem in result.Problems) error.WriteLine($"hotpapers: {problem}");
                bad += result.Problems.Count;
                output.WriteLine($"imported {file}: {result.Posts} posts, {result.Snapshots} snapshots, {result.Links} paper links; "
                    + $"skipped {result.Reposts} reposts, {result.WithoutPaper} without an arXiv link, {result.Problems.Count} bad");
            }
            return bad == 0 ? HotPapersCli.Success : HotPapersCli.Failure;
        });
        return command;
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
