using BenchmarkDotNet.Running;
using HotPapers.Bench;

// Modes:
//   jetstream [--events N] [--seed S] [--batch-size B]   end-to-end Jetstream replay into a fresh SQLite store
//             [--channel-capacity C] [--in-process]      (the server runs as a child "jetstream-serve" unless --in-process)
//             [--ceiling]                                then the same frames read and discarded: the ratio to that ceiling
//   jetstream-phases [--events N] [--cache MIB]         the listener's phases (triage, parse, apply) timed one by one in
//             [--checkpoint PAGES] [--batch-size B]      this process, without the websocket: where its time goes
//   archive [--days N] [--db D]                         import 5 published posts + N synthetic days, render each back
//   extractor [--urls N] [--rounds R]                   arXiv id extractor throughput (URLs/s, bytes per URL)
//   extractor-vs-regex [--urls N] [--rounds R]          the extractor against a compiled Regex doing the same job, same run
//   import [--posts N] [--refetched] [--pg ADMIN-CONNECTION] [--batch-size B]   generate X API v2 JSONL, time 'hotpapers import tweets'
//          [--ceiling]                               (SQLite) then the same rows by a raw prepared-insert loop: the ratio
//   site-write --site BUILT-SITE [--rounds R]           a built site's files written the build's way and the older ways,
//             [--threads 1,2]                           beside cp -r of the same folder (the floor)
//   micro [BenchmarkDotNet arguments]                   BenchmarkDotNet micro-benchmarks (frame parsing, snippet rendering)
var mode = args.FirstOrDefault() ?? "jetstream";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "jetstream":
        return await JetstreamReplayBenchmark.RunAsync(rest);
    case "jetstream-phases":
        return JetstreamPhases.Run(rest);
    case "jetstream-serve":
        return await JetstreamReplayBenchmark.ServeAsync(rest);
    case "archive":
        return ArchiveBenchmark.Run(rest);
    case "extractor":
        return ExtractorThroughput.Run(rest);
    case "extractor-vs-regex":
        return ExtractorVsRegex.Run(rest);
    case "import":
        return await ImportBenchmark.RunAsync(rest);
    case "site-write":
        return SiteWriteBenchmark.Run(rest);
    case "micro":
        // BenchmarkDotNet runs each benchmark in a process of its own project, which does not take this project's
        // <TieredPGO>false</TieredPGO>: those processes inherit this environment, so micro figures are the product's as
        // the other modes' are (set here rather than in a job, so that --job on the command line still works).
        Environment.SetEnvironmentVariable("DOTNET_TieredPGO", Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "0");
        BenchmarkSwitcher.FromAssembly(typeof(JetstreamReplayBenchmark).Assembly).Run(rest);
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use 'jetstream', 'archive', 'extractor', 'extractor-vs-regex', 'import', 'site-write' or 'micro'");
        return 2;
}
