using HotPapers.ReplayBuilder;

// replay-builder [SEEDS_DIR [OUT_DIR]]: rebuilds samples/replay/<date>/ from the seed posts in samples/posts.
// replay-builder requests [--papers N]: the request benchmark (bench/daily-requests/run.sh).
// replay-builder free SEED NOW [OUT_DIR]: records SEED's day with the free sources only (samples/replay-free), the clock at NOW.
// Run from the repository root: dotnet run --project tools/ReplayBuilder [-- ...]
if (args.Length > 0 && args[0] == "requests")
{
    var papers = args.Length > 2 && args[1] == "--papers" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 800;
    return await RequestBenchmark.RunAsync(Path.Combine("samples", "posts"), papers, Console.Out);
}

if (args.Length > 2 && args[0] == "free")
{
    var now = DateTimeOffset.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
    var post = await FreeRecordingRun.RecordAsync(args[1], args.Length > 3 ? args[3] : Path.Combine("samples", "replay-free"), now);
    Console.WriteLine($"{Path.GetFileName(args[1])}: recorded with {FreeRecordingRun.Sources}; the run wrote {post}");
    return 0;
}

var seeds = args.Length > 0 ? args[0] : Path.Combine("samples", "posts");
var output = args.Length > 1 ? args[1] : Path.Combine("samples", "replay");
var failed = false;
foreach (var seed in Directory.EnumerateFiles(seeds, "*---Hot-Papers.md").Order(StringComparer.Ordinal))
{
    try
    {
        var result = await RecordingRun.RecordAsync(seed, output);
        Console.WriteLine($"{Path.GetFileName(seed)}: {result.Exchanges} exchanges, {result.Posts} posts ({result.Fillers} fillers) -> {result.Directory}: "
            + (result.Identical ? "post identical to the seed" : "POST DIFFERS, " + result.FirstDifference));
        failed |= !result.Identical;
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"{Path.GetFileName(seed)}: {e.Message}");
        failed = true;
    }
}
return failed ? 1 : 0;
