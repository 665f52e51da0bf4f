using System.Diagnostics;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Writes the site into a folder. A full build writes every page to a fresh folder beside the target, which
/// then replaces the target in two renames: readers (and a server pointed at it) see the old site or the new
/// one, never a half-built one. When the target is an earlier build with the same settings, the build is
/// incremental: the manifest (<see cref="SiteManifest"/>) says where the store's change log stood, the store says
/// which papers and days changed since, and only their files are rewritten (each one replaced by a rename), files
/// no longer produced are removed, and the result is byte for byte what a full build writes. A target that is not empty and not an
/// earlier build is refused, so a mistyped <c>--out</c> never deletes somebody's files.
/// </summary>
public sealed partial class SiteBuilder(SiteModel model)
{
    /// <summary>The marker a built site carries, so a rebuild knows the folder is its own to replace.</summary>
    public const string Marker = ".hotpapers-site";

    /// <summary>The manifest of what each file was built from (<see cref="SiteManifest"/>).</summary>
    public const string ManifestFile = SiteManifest.FileName;

    private const string MarkerText = "Built by hotpapers site build; a rebuild replaces this folder.\n";

    private static readonly string[] Folders = ["days", "papers", "categories", "assets", "og", "api/days", "api/papers"];

    private SiteBuildProfile _profile = new();

    /// <param name="full">Build every file even when the target holds an earlier build it could update.</param>
    public SiteBuildResult Build(string outDir, IProgress<string>? progress = null, SiteBuildProfile? profile = null, bool full = false)
    {
        _profile = profile ?? new SiteBuildProfile();
        var watch = Stopwatch.StartNew();
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        CheckReplaceable(target);
        var settings = model.SettingsKey();
        var previous = full || !File.Exists(Path.Combine(target, Marker)) ? null
            : Task.Run(() => _profile.Measure("read manifest", () => SiteManifest.TryRead(target, settings)));
        // Taken before anything is read: whatever is written later carries this position or a later one.
        var position = _profile.Measure("store position", () => model.Store.Changes.Position());
        var manifest = previous?.GetAwaiter().GetResult();
        // A manifest from another store, or from ahead of this one (a store restored from a backup), cannot say what changed.
        if (manifest is not null && manifest.Store.StoreId == position.StoreId && manifest.Store.Next <= position.Next)
            return Update(target, settings, position, manifest, progress, watch);

        var staging = $"{target}.building-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var (files, days, papers, categories) = WriteAll(staging, settings, position, progress);
            File.WriteAllText(Path.Combine(staging, Marker), MarkerText);
            _profile.Measure("swap", () => Swap(staging, target));
            return new SiteBuildResult(target, files + 2, days, papers, categories, watch.Elapsed);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private (int Files, int Days, int Papers, int Categories) WriteAll(string root, string settings, StorePosition position, IProgress<string>? progress)
    {
        var files = 0;
        foreach (var dir in Folders) Directory.CreateDirectory(Path.Combine(root, dir));
        var manifest = new SiteManifest { Settings = settings, Store = position, Now = model.Now };
        void Write(SiteFile file)
        {
            _profile.Measure("write", () => StagingFile.Write(Path.Combine(root, file.Path), file.Content));
            Interlocked.Increment(ref files);
        }
        void WriteListing(SiteFile file)
        {
            manifest.Files[file.Path] = SiteManifest.Key(file.Content);
            Write(file);
        }

        // The papers' data loads on a connection of its own (when the store is a file) while the days are ranked.
        var paperData = OnAnotherConnection(store => (_profile.Measure("load papers", () => store.Papers.LoadListed()), _profile.Measure("load activity", () => store.LoadPaperActivity())));
        var windows = _profile.Measure("load windows", () => model.Windows());
        var digested = model.Store.Digests.LoadDigestKeys();

        // One worker per core, each ranking days on a connection of its own and then rendering papers, so both kinds
        // of work share the cores from start to end instead of the days being ranked one at a time on this thread.
        // Each day is ranked once; the index and the feed reuse its summary.
        var summaries = new DaySummary[windows.Count];
        var papersReady = new Lazy<(IReadOnlyList<ListedPaper> Listed, IReadOnlyDictionary<string, PaperActivity> Activity, int[] Scores)>(() =>
        {
            var (papers, activity) = _profile.Measure("wait for papers", () => paperData.GetAwaiter().GetResult());
            return (papers, activity, new int[papers.Count]);
        });
        var nextDay = -1;
        var nextPaper = -1;
        OnEachCore((ranker, goOn) =>
        {
            for (int i; ranker is not null && goOn() && (i = Interlocked.Increment(ref nextDay)) < windows.Count;)
                summaries[i] = WriteDay(_profile.Measure("rank day", () => ranker.Day(windows[i], windows)), Write);
            var (papers, activity, scores) = papersReady.Value;
            for (int i; goOn() && (i = Interlocked.Increment(ref nextPaper)) < papers.Count;)
            {
                var id = papers[i].Paper.Id.Value;
                scores[i] = WritePaper(papers[i], activity.TryGetValue(id, out var a) ? a : PaperActivity.None, Write);
            }
        });
        for (var i = 0; i < windows.Count; i++) manifest.Days[windows[i].FileStem] = (summaries[i], !digested.Contains(windows[i].DateStr));
        progress?.Report($"{windows.Count} days");
        WriteDayListings(summaries, WriteListing);
        var (listed, _, scores) = papersReady.Value;
        for (var i = 0; i < listed.Count; i++) manifest.Papers[listed[i].Paper.Id.Value] = (SiteManifest.ListingOf(listed[i]), scores[i]);
        progress?.Report($"{listed.Count} papers");

        var categories = WritePaperListings(manifest, WriteListing);
        foreach (var asset in SiteModel.Assets()) WriteListing(asset);
        _profile.Measure("write manifest", () => File.WriteAllBytes(Path.Combine(root, SiteManifest.FileName), manifest.Write(windows)));
        return (files, windows.Count, listed.Count, categories);
    }

    /// <summary>A day's page, JSON and share image; returns its summary for the listings.</summary>
    private DaySummary WriteDay(DayView day, Action<SiteFile> write)
    {
        write(_profile.Measure("day page", () => model.DayPage(day)));
        write(_profile.Measure("day json", () => SiteModel.DayJson(day)));
        var summary = day.Summary();
        write(_profile.Measure("share image", () => model.ShareImage(summary)));
        return summary;
    }

    /// <summary>A paper's page and JSON; returns its score for the search index.</summary>
    private int WritePaper(ListedPaper paper, PaperActivity activity, Action<SiteFile> write)
    {
        var view = _profile.Measure("paper view", () => model.PaperView(paper, activity));
        write(_profile.Measure("paper page", () => model.PaperPage(view)));
        write(_profile.Measure("paper json", () => SiteModel.PaperJson(view)));
        return SearchIndexWriter.Score(activity);
    }

    /// <summary>The index pages, the feed and the archive: built from every day's summary.</summary>
    /// <param name="kept">An incremental build's older index pages that need no rendering (it keeps the earlier build's file).</param>
    private void WriteDayListings(IReadOnlyList<DaySummary> summaries, Action<SiteFile> write, Func<Paging, bool>? kept = null)
    {
        foreach (var (days, paging) in model.IndexPages(summaries))
            if (kept is null || !kept(paging)) write(_profile.Measure("index pages", () => model.IndexPage(days, paging)));
        write(_profile.Measure("feed", () => model.Feed(summaries.Take(model.Options.FeedEntries).ToList())));
        write(_profile.Measure("archive", () => model.Archive(summaries)));
    }

    /// <summary>
    /// The category pages, the category index, the search page and the search index: built from what the manifest
    /// keeps of every paper (the same for a full and an incremental build). Returns the category count.
    /// </summary>
    /// <param name="unchanged">An incremental build's pages that need no rendering: the categories none of whose papers
    /// changed, and the search index when no paper changed. <c>Keep</c> keeps the earlier build's files at these paths
    /// (false when it does not have them all). <c>KeepPage</c> does the same for one page of a changed category.
    /// <c>SearchEntries</c> gives the earlier search index's entries of the papers that did not change (null when it cannot).</param>
    private int WritePaperListings(SiteManifest manifest, Action<SiteFile> write,
        (IReadOnlySet<string> ChangedCategories, bool PapersChanged, Func<IReadOnlyList<string>, bool> Keep, Func<CategoryListing, Paging, bool> KeepPage,
            Func<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>?> SearchEntries)? unchanged = null)
    {
        var listed = _profile.Measure("sort papers", () => SiteModel.NewestFirst(manifest.Papers.Values.Select(p => p.Paper)));
        var categories = _profile.Measure("group categories", () => SiteModel.CategoriesOf(listed));
        var pageSize = model.Options.PapersPerCategoryPage;
        bool Kept(CategoryListing c) => unchanged is { } u && !u.ChangedCategories.Contains(c.Code)
            && u.Keep(Enumerable.Range(0, Paging.Pages(c.Papers.Count, pageSize)).Select(number => SitePaths.Category(c.Code, number)).ToList());
        var pages = _profile.Measure("category pages", () =>
        {
            IEnumerable<SiteFile> Render(CategoryListing c) => model.CategoryPages(c, unchanged is { } u ? paging => u.KeepPage(c, paging) : null).ToList();
            var rendered = categories.Where(c => !Kept(c)).ToList();
            // A few categories (an update's) render at once on this thread: parallel LINQ costs more to start than they take.
            return rendered.Count <= 8 ? rendered.SelectMany(Render).ToList() : rendered.AsParallel().AsOrdered().SelectMany(Render).ToList();
        });
        foreach (var page in pages) write(page);
        write(model.CategoryIndex(categories));
        write(model.SearchPage());
        if (unchanged is { PapersChanged: false } same && same.Keep([SitePaths.SearchIndex])) return categories.Count;
        var kept = unchanged?.SearchEntries();
        write(_profile.Measure("search index", () => SiteModel.SearchIndex(listed, categories, id => manifest.Papers[id].Score, kept)));
        return categories.Count;
    }

    private static DigestWindow? Older(IReadOnlyList<DigestWindow> windows, int i) => i + 1 < windows.Count ? windows[i + 1] : null;

    private static DigestWindow? Newer(IReadOnlyList<DigestWindow> windows, int i) => i > 0 ? windows[i - 1] : null;

    /// <summary>Runs <paramref name="load"/> on a second connection to the store when it has one, otherwise on this one, later.</summary>
    private Task<T> OnAnotherConnection<T>(Func<HotPapersStore, T> load)
    {
        var another = model.Store.OpenAnother();
        if (another is null) return Task.FromResult(load(model.Store));
        return Task.Run(() =>
        {
            using (another) return load(another);
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> once per core, on this thread and on worker threads. Each gets the model on a
    /// connection of its own (this thread gets <c>model</c>'s); a worker gets null when the store has no second
    /// connection (an in-memory store), and must then leave the store to this thread. The second argument turns
    /// false once any of them has failed, so the others stop taking work; the first failure is rethrown as it was
    /// (an <see cref="IOException"/> stays one, for the command's one-line error).
    /// </summary>
    private void OnEachCore(Action<SiteModel?, Func<bool>> work)
    {
        var failed = 0;
        bool GoOn() => Volatile.Read(ref failed) == 0;
        void Run(SiteModel? on)
        {
            try
            {
                work(on, GoOn);
            }
            catch
            {
                Interlocked.Exchange(ref failed, 1);
                throw;
            }
        }
        var workers = Enumerable.Range(1, Math.Max(1, Environment.ProcessorCount) - 1)
            .Select(_ => Task.Run(() =>
            {
                using var store = model.Store.OpenAnother();
                Run(store is null ? null : model.On(store));
            }))
            .ToArray();
        Exception? first = null;
        try
        {
            Run(model);
        }
        catch (Exception e)
        {
            first = e;
        }
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException e)
        {
            first ??= e.InnerExceptions[0];
        }
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
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
