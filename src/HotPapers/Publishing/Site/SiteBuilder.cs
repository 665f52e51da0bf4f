using System.Collections.Concurrent;
using System.Diagnostics;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>What a build wrote.</summary>
public sealed record SiteBuildResult(string Directory, int Files, int Days, int Papers, int Categories, TimeSpan Elapsed);

/// <summary>
/// Writes the whole site into a folder. The pages are written to a fresh folder beside the target, which then
/// replaces the target in two renames: readers (and a server pointed at it) see the old site or the new one,
/// never a half-built one. A target that is not empty and not an earlier build is refused, so a mistyped
/// <c>--out</c> never deletes somebody's files.
/// </summary>
public sealed class SiteBuilder(SiteModel model)
{
    /// <summary>The marker a built site carries, so a rebuild knows the folder is its own to replace.</summary>
    public const string Marker = ".hotpapers-site";

    private SiteBuildProfile _profile = new();

    public SiteBuildResult Build(string outDir, IProgress<string>? progress = null, SiteBuildProfile? profile = null)
    {
        _profile = profile ?? new SiteBuildProfile();
        var watch = Stopwatch.StartNew();
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        CheckReplaceable(target);
        var staging = $"{target}.building-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var (files, days, papers, categories) = WriteAll(staging, progress);
            File.WriteAllText(Path.Combine(staging, Marker), "Built by hotpapers site build; a rebuild replaces this folder.\n");
            _profile.Measure("swap", () => Swap(staging, target));
            return new SiteBuildResult(target, files + 1, days, papers, categories, watch.Elapsed);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private (int Files, int Days, int Papers, int Categories) WriteAll(string root, IProgress<string>? progress)
    {
        var files = 0;
        foreach (var dir in new[] { "days", "papers", "categories", "assets", "og", "api/days", "api/papers" })
            Directory.CreateDirectory(Path.Combine(root, dir));
        void Write(SiteFile file)
        {
            _profile.Measure("write", () => File.WriteAllBytes(Path.Combine(root, file.Path), file.Content));
            Interlocked.Increment(ref files);
        }

        // Papers' data loads on a second connection (when the store is a file) while the days are ranked on this one.
        var second = model.Store.OpenAnother();
        var paperData = second is null ? null : Task.Run(() =>
        {
            using (second) return (_profile.Measure("load papers", () => second.Papers.LoadListed()), _profile.Measure("load activity", () => second.LoadPaperActivity()));
        });

        // Days: the store is read on this thread, while other cores render and write the pages.
        // Each day is ranked once; the index and the feed reuse its summary.
        var windows = _profile.Measure("load windows", () => model.Windows());
        var summaries = new DaySummary[windows.Count];
        RenderAlongside(windows.Select((window, i) => (Day: _profile.Measure("rank day", () => model.Day(window, windows)), Index: i)), item =>
        {
            Write(_profile.Measure("day page", () => model.DayPage(item.Day)));
            Write(_profile.Measure("day json", () => SiteModel.DayJson(item.Day)));
            summaries[item.Index] = item.Day.Summary();
            Write(_profile.Measure("share image", () => model.ShareImage(summaries[item.Index])));
        });
        progress?.Report($"{windows.Count} days");
        var pageCount = model.IndexPageCount(summaries.Length);
        for (var page = 1; page <= pageCount; page++)
        {
            var slice = summaries.Skip((page - 1) * model.Options.DaysPerPage).Take(model.Options.DaysPerPage).ToList();
            Write(_profile.Measure("index pages", () => model.IndexPage(slice, new Paging(page, pageCount))));
        }
        Write(_profile.Measure("feed", () => model.Feed(summaries.Take(model.Options.FeedEntries).ToList())));
        Write(_profile.Measure("archive", () => model.Archive(summaries)));

        // Papers: all metadata and all activity in a few queries, then one page and one JSON each.
        var (listed, activity) = paperData is null
            ? (model.Store.Papers.LoadListed(), model.Store.LoadPaperActivity())
            : _profile.Measure("wait for papers", () => paperData.GetAwaiter().GetResult());
        Parallel.ForEach(listed, paper =>
        {
            var view = _profile.Measure("paper view", () => model.PaperView(paper, activity.TryGetValue(paper.Paper.Id.Value, out var a) ? a : PaperActivity.None));
            Write(_profile.Measure("paper page", () => model.PaperPage(view)));
            Write(_profile.Measure("paper json", () => SiteModel.PaperJson(view)));
        });
        progress?.Report($"{listed.Count} papers");

        var categories = SiteModel.Categories(listed);
        Parallel.ForEach(categories, category =>
        {
            foreach (var page in _profile.Measure("category pages", () => model.CategoryPages(category).ToList())) Write(page);
        });
        Write(model.CategoryIndex(categories));

        Write(model.SearchPage());
        Write(_profile.Measure("search index", () => SiteModel.SearchIndex(listed, activity)));
        foreach (var asset in SiteModel.Assets()) Write(asset);
        return (files, windows.Count, listed.Count, categories.Count);
    }

    /// <summary>
    /// Enumerates <paramref name="source"/> on the calling thread (it reads the store) and runs
    /// <paramref name="render"/> on the items on worker threads, a bounded number of items ahead.
    /// </summary>
    private static void RenderAlongside<T>(IEnumerable<T> source, Action<T> render)
    {
        using var queue = new BlockingCollection<T>(boundedCapacity: 64);
        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount - 1))
            .Select(_ => Task.Run(() =>
            {
                foreach (var item in queue.GetConsumingEnumerable()) render(item);
            }))
            .ToArray();
        try
        {
            foreach (var item in source) queue.Add(item);
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(workers);
        }
    }

    private static void CheckReplaceable(string target)
    {
        if (File.Exists(target)) throw new IOException($"{target} is a file, not a folder");
        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any()) return;
        if (!File.Exists(Path.Combine(target, Marker)))
            throw new IOException($"{target} is not empty and was not built by hotpapers site build; choose an empty or new folder");
    }

    private static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var old = $"{target}.old-{Guid.NewGuid():N}";
        Directory.Move(target, old);
        Directory.Move(staging, target);
        Directory.Delete(old, recursive: true);
    }
}
