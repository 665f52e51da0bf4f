using System.CommandLine;
using System.Globalization;
using System.Runtime;
using HotPapers.Publishing.Site;
using HotPapers.Store;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers site build --out DIR</c>: write the HTML archive, feed and JSON from the store.</summary>
internal static class SiteCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var site = new Command("site", "The static HTML archive.");
        var outDir = new Option<string>("--out") { Description = "The folder to build into (must be new, empty or an earlier build, which is updated or replaced).", Required = true };
        var shared = new SiteOptionsFactory();
        var verbose = new Option<bool>("--verbose") { Description = "Also print where the build's time went, stage by stage." };
        var full = new Option<bool>("--full") { Description = "Rebuild every file, even when --out holds an earlier build that could be updated." };
        var build = new Command("build", "Build the site: day, paper and category pages, Atom feed, JSON and search. An earlier build in --out is updated: only what changed is rewritten.") { outDir, full, verbose };
        shared.AddTo(build);
        build.SetAction(parsed =>
        {
            var (options, problem) = shared.Read(parsed, settings());
            if (options is null)
            {
                error.WriteLine($"hotpapers: {problem}");
                return HotPapersCli.BadUsage;
            }
            if (GlobalOptions.MissingStore(parsed.GetRequiredValue(GlobalOptions.Db)) is { } missing)
            {
                error.WriteLine($"hotpapers: site build: {missing}");
                return HotPapersCli.Failure;
            }
            var zone = settings().TimeZone(); // the zone every command uses (Daily:TimeZone)
            try
            {
                // Where a short build's time goes before it starts: the runtime, parsing, settings, and opening the store.
                var started = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
                var profile = new SiteBuildProfile();
                using var store = profile.Measure("open store", () => HotPapersStore.Open(parsed.GetRequiredValue(GlobalOptions.Db)));
                var model = new SiteModel(store, GlobalOptions.Clock(parsed, zone), zone, options);
                var (target, fullBuild) = (parsed.GetRequiredValue(outDir), parsed.GetValue(full));
                // An earlier build's manifest: most likely an update (SiteBuilder decides; a guess costs only the region).
                var noGc = !fullBuild && File.Exists(Path.Combine(target, SiteBuilder.ManifestFile)) && TryPauseGc();
                SiteBuildResult result;
                try
                {
                    result = new SiteBuilder(model).Build(target, profile: profile, full: fullBuild);
                }
                finally
                {
                    if (noGc) ResumeGc();
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"built {result.Directory}: {result.Days} days, {result.Papers} papers, {result.Categories} categories, {result.Files} files")
                    + (result.Incremental ? string.Create(CultureInfo.InvariantCulture, $" (updated: {result.Written} written, {result.Removed} removed)") : "")
                    + string.Create(CultureInfo.InvariantCulture, $" in {result.Elapsed.TotalSeconds:0.00} s"));
                if (parsed.GetValue(verbose))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  process start to store open {started.TotalSeconds,5:0.000} s; JIT: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled, {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} s (summed over threads)"));
                    foreach (var line in profile.Lines()) output.WriteLine("  " + line);
                }
                return HotPapersCli.Success;
            }
            catch (IOException e)
            {
                error.WriteLine($"hotpapers: site build: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        site.Subcommands.Add(build);
        return site;
    }

    /// <summary>
    /// An update of an earlier build allocates ~65 MiB in ~0.3 s (1,000 days, one new). At the runtime's gen0 budget
    /// that was four collections and 40–90 ms of pauses, a tenth of the update; in a region without collections they
    /// are gone (docs/site.md). A build that allocates more than the region (a full one after all) leaves it and
    /// collects as usual.
    /// </summary>
    private static bool TryPauseGc()
    {
        try
        {
            return GC.TryStartNoGCRegion(UpdateAllocationBudget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return false; // more than this runtime allows in one region, or a region already started in this process
        }
    }

    private static void ResumeGc()
    {
        try
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The build allocated more than the region (a full one after all): the runtime has collected already.
        }
    }

    private const long UpdateAllocationBudget = 192L * 1024 * 1024;
}
