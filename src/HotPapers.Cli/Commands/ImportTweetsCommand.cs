using System.CommandLine;
using System.Globalization;
using HotPapers.Importing.Tweets;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary>
/// <c>hotpapers import tweets &lt;file&gt;... [--format x-v2|x-v1|twint|original] [--measured-at T] [--keep-unlinked]</c>:
/// social posts from tweet files into the store (docs/imports.md). Bad records go to stderr as <c>file:line: reason</c>;
/// one summary line per file goes to stdout. Exit 1 when any record or file could not be read (the rest is stored).
/// </summary>
internal static class ImportTweetsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Tweet files: X API v2 JSON/JSONL, v1.1 statuses, twint JSONL, or the original tool's papers_with_tweets.json.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string?>("--format")
        {
            Description = "The files' format; told from the content when omitted.",
        };
        format.AcceptOnlyFromAmong([.. TweetFormats.Names]);
        var measuredAt = new Option<DateTimeOffset?>("--measured-at")
        {
            Description = "When the counts were measured, for files that do not say (default: each file's modification time). ISO 8601; UTC when no offset.",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return at;
                result.AddError($"--measured-at: '{text}' is not an ISO 8601 time such as 2021-06-11T09:50:30Z");
                return null;
            },
        };
        var keepUnlinked = new Option<bool>("--keep-unlinked") { Description = "Also keep posts that link no arXiv paper." };
        var batchSize = OptionValues.WholeNumber("--batch-size", "Posts per transaction.", () => 5000);
        var command = new Command("tweets", "Import social posts and their counts from tweet files.") { files, format, measuredAt, keepUnlinked, batchSize };
        command.SetAction(parsed =>
        {
            TweetFormat? given = TweetFormats.TryParse(parsed.GetValue(format), out var f) ? f : null;
            var options = new TweetImportOptions
            {
                BatchSize = Math.Max(1, parsed.GetValue(batchSize)),
                KeepUnlinked = parsed.GetValue(keepUnlinked),
                MeasuredAt = parsed.GetValue(measuredAt),
            };
            using var store = HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db));
            var importer = new TweetImporter(store, options);
            var failed = false;
            foreach (var file in parsed.GetRequiredValue(files))
            {
                if (Directory.Exists(file))
                {
                    error.WriteLine($"hotpapers: {file}: is a directory; name the tweet files in it (for example {Path.Combine(file, "*.jsonl")})");
                    failed = true;
                    continue;
                }
                if (!File.Exists(file))
                {
                    error.WriteLine($"hotpapers: {file}: no such file");
                    failed = true;
                    continue;
                }
                var result = importer.ImportFile(file, given, problem => error.WriteLine(problem.ToString()));
                failed |= result.BadLines > 0;
                output.WriteLine(Summary(result));
            }
            return failed ? HotPapersCli.Failure : HotPapersCli.Success;
        });
        return command;
    }

    public static string Summary(TweetFileResult r) =>
        $"imported {r.File} ({r.Format?.Name() ?? "format unknown"}): {r.Posts} posts, {r.Snapshots} snapshots, {r.Links} links, " +
        $"{r.Unlinked} without an arXiv link skipped, {r.BadLines} bad lines";
}
