using System.Collections.Concurrent;
using System.Diagnostics;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>The incremental build: an earlier build brought up to date from its manifest and the store's change log.</summary>
public sealed partial class SiteBuilder
{
    /// <summary>Above this many changed papers, their data loads in the full build's bulk queries rather than one paper at a time.</summary>
    private const int BulkPaperLoad = 200;

    /// <summary>
    /// Brings an earlier build up to date: the store says which papers, windows and listing dates changed since the
    /// manifest's position; those days (and days whose neighbours changed, or that printed a clock that moved) are
    /// ranked, rendered and written again, and those papers; the pages built from every day (index, archive, feed)
    /// or every paper (categories, search) are rendered again from the manifest's summaries and written when their
    /// bytes changed; files no longer produced are removed.
    /// </summary>
    private SiteBuildResult Update(string root, string settings, StorePosition position, SiteManifest previous, IProgress<string>? progress, Stopwatch watch)
    {
        // Without a manifest the folder reads as foreign to an interrupted update's successor, which then builds it whole.
        File.Delete(Path.Combine(root, SiteManifest.FileName));
        foreach (var dir in Folders) Directory.CreateDirectory(Path.Combine(root, dir));
        // What is on disk, listed while the store is read, so what this build would not write can go at the end.
        var onDisk = Task.Run(() => _profile.Measure("list files", () => ListFiles(root)));
        var store = model.Store;
        var changes = _profile.Measure("read changes", () => store.Changes.Since(previous.Store.Next));
        var manifest = new SiteManifest { Settings = settings, Store = position, Now = model.Now };
        var written = 0;
        void Write(SiteFile file)
        {
            var path = Path.Combine(root, file.Path);
            var partial = path + ".partial";
            _profile.Measure("write", () =>
            {
                File.WriteAllBytes(partial, file.Content);
                File.Move(partial, path, overwrite: true);
            });
            Interlocked.Increment(ref written);
        }
        // The day half and the paper half run on two threads: the listing keys they record share one lock.
        void Record(string path, string key)
        {
            lock (manifest.Files) manifest.Files[path] = key;
        }
        void WriteIfChanged(SiteFile file)
        {
            var key = SiteManifest.Key(file.Content);
            Record(file.Path, key);
            if (!previous.Files.TryGetValue(file.Path, out var old) || old != key) Write(file);
        }

        // Papers: those the store names as changed, on a connection of their own, beside the days on this one.
        var papers = OnAnotherConnection(other => UpdatePapers(other, root, previous, changes, manifest, Write, WriteIfChanged, Record, progress));

        var windows = _profile.Measure("load windows", () => model.Windows());
        var digested = store.Digests.LoadDigestKeys();
        var before = previous.Days.Keys.Select(Stem).OrderByDescending(w => w.End).ThenByDescending(w => w.Start).ToList();
        var neighbours = before.Select((w, i) => (w.FileStem, Older(before, i), Newer(before, i))).ToDictionary(n => n.FileStem, n => (n.Item2, n.Item3), StringComparer.Ordinal);
        var clockMoved = manifest.Now != previous.Now;
        var summaries = new DaySummary[windows.Count];
        var rebuiltDays = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var clocked = !digested.Contains(window.DateStr);
            var same = previous.Days.TryGetValue(window.FileStem, out var old)
                && old.Clocked == clocked && !(clocked && clockMoved)
                && neighbours[window.FileStem] == (Older(windows, i), Newer(windows, i))
                && !changes.WindowKeys.Contains(window.DateStr)
                && !Dates(window).Any(changes.Dates.Contains);
            if (same)
            {
                summaries[i] = old.Summary;
            }
            else
            {
                var day = _profile.Measure("rank day", () => model.Day(window, windows));
                summaries[i] = WriteDay(day, Write);
                rebuiltDays++;
            }
            manifest.Days[window.FileStem] = (summaries[i], clocked);
        }
        progress?.Report($"{rebuiltDays} of {windows.Count} days rebuilt");
        // An older index page holds the same days as before (so the same bytes) when the days from the oldest up to
        // its last one are the earlier build's and the page count is the same.
        var sameFromOldest = 0;
        while (sameFromOldest < Math.Min(summaries.Length, before.Count)
               && ReferenceEquals(summaries[^(sameFromOldest + 1)], previous.Days[before[^(sameFromOldest + 1)].FileStem].Summary))
            sameFromOldest++;
        var daysPerPage = model.Options.DaysPerPage;
        bool KeptIndexPage(Paging paging)
        {
            if (paging.Number == 0 || paging.PageCount != model.IndexPageCount(before.Count) || paging.Number * daysPerPage > sameFromOldest) return false;
            var path = SitePaths.IndexPage(paging.Number);
            if (!previous.Files.TryGetValue(path, out var key)) return false;
            Record(path, key);
            return true;
        }
        WriteDayListings(summaries, WriteIfChanged, KeptIndexPage);

        var categories = _profile.Measure("wait for papers", () => papers.GetAwaiter().GetResult());

        // The manifest is complete: it is serialised on another thread while stale files go.
        var manifestBytes = Task.Run(() => _profile.Measure("serialize manifest", () => manifest.Write(windows, previous)));
        // The folder is the build's own: whatever this build would not write goes, as a full build's swap removes it.
        var removed = _profile.Measure("remove stale", () =>
        {
            var stale = onDisk.GetAwaiter().GetResult().Where(p => !IsProduced(manifest, p)).ToList();
            foreach (var path in stale) File.Delete(Path.Combine(root, path));
            return stale.Count;
        });
        _profile.Measure("write manifest", () => File.WriteAllBytes(Path.Combine(root, SiteManifest.FileName), manifestBytes.GetAwaiter().GetResult()));
        return new SiteBuildResult(root, manifest.Files.Count + windows.Count * 3 + manifest.Papers.Count * 2 + 2, windows.Count, manifest.Papers.Count, categories, watch.Elapsed)
        {
            Written = written,
            Removed = removed,
            Incremental = true,
        };
    }

    /// <summary>
    /// The paper half of an update, on <paramref name="store"/>: the changed papers' pages and JSON, their listing data
    /// in the manifest, and the category pages and search index. Returns the category count.
    /// </summary>
    private int UpdatePapers(HotPapersStore store, string root, SiteManifest previous, StoreChanges changes, SiteManifest manifest,
        Action<SiteFile> write, Action<SiteFile> writeIfChanged, Action<string, string> record, IProgress<string>? progress)
    {
        foreach (var (id, paper) in previous.Papers)
            if (!changes.Papers.Contains(id)) manifest.Papers[id] = paper;
        // A few changed papers read their own data; many read everyone's in the bulk queries of a full build.
        var many = changes.Papers.Count > BulkPaperLoad;
        var listed = _profile.Measure("load papers", () => many
            ? store.Papers.LoadListed().Where(p => changes.Papers.Contains(p.Paper.Id.Value)).ToList()
            : changes.Papers.Order(StringComparer.Ordinal).Select(ArxivId.Parse).SelectMany(id => store.Papers.LoadListed(id)).ToList());
        var activity = listed.Count == 0 ? new Dictionary<string, PaperActivity>()
            : _profile.Measure("load activity", () => many ? store.LoadPaperActivity()
                : listed.SelectMany(p => store.LoadPaperActivity(p.Paper.Id)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        foreach (var paper in listed)
        {
            var id = paper.Paper.Id.Value;
            manifest.Papers[id] = (SiteManifest.ListingOf(paper), WritePaper(paper, activity.TryGetValue(id, out var a) ? a : PaperActivity.None, write));
        }
        progress?.Report($"{listed.Count} of {manifest.Papers.Count} papers rebuilt");

        var changedCategories = new HashSet<string>(StringComparer.Ordinal);
        var relisted = new List<(ListedPaper? Was, ListedPaper? Now)>();
        var searchChanged = false; // or any listing: either changes the search index
        foreach (var id in changes.Papers)
        {
            previous.Papers.TryGetValue(id, out var was);
            manifest.Papers.TryGetValue(id, out var now);
            searchChanged |= was.Score != now.Score;
            if (was.Paper is not null && now.Paper is not null && SiteManifest.SameListing(was.Paper, now.Paper)) continue;
            searchChanged = true; // and more: the search index shows the listing too
            relisted.Add((was.Paper, now.Paper));
            if (was.Paper is not null) changedCategories.UnionWith(was.Paper.Paper.Subjects.Select(s => s.Code));
            if (now.Paper is not null) changedCategories.UnionWith(now.Paper.Paper.Subjects.Select(s => s.Code));
        }
        bool Keep(IReadOnlyList<string> paths)
        {
            if (!paths.All(previous.Files.ContainsKey)) return false;
            foreach (var path in paths) record(path, previous.Files[path]);
            return true;
        }
        // The earlier search index, when it is the one the manifest knows, gives the entries of the papers that did not change.
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? SearchEntries() => _profile.Measure("earlier search index", () =>
        {
            var path = Path.Combine(root, SitePaths.SearchIndex);
            if (!previous.Files.TryGetValue(SitePaths.SearchIndex, out var key) || !File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            if (SiteManifest.Key(bytes) != key || SearchIndexWriter.Entries(bytes) is not { } entries) return null;
            foreach (var id in changes.Papers) entries.Remove(id);
            return entries;
        });
        var categories = WritePaperListings(manifest, writeIfChanged, (changedCategories, searchChanged, Keep, OlderPages(previous, relisted, record), SearchEntries));
        foreach (var asset in SiteModel.Assets()) writeIfChanged(asset);
        return categories;
    }

    /// <summary>
    /// Which older pages of a changed category need no rendering: a page numbered from the oldest holds the same papers
    /// (so the same bytes) when no paper whose listing changed sorts, before or after its change, among the papers up
    /// to its last one, and the category has as many pages as before. Those keep the earlier build's file.
    /// </summary>
    private Func<CategoryListing, Paging, bool> OlderPages(SiteManifest previous, IReadOnlyList<(ListedPaper? Was, ListedPaper? Now)> relisted, Action<string, string> record)
    {
        var relistedIds = relisted.Select(r => (r.Was ?? r.Now)!.Paper.Id.Value).ToHashSet(StringComparer.Ordinal);
        var stable = new ConcurrentDictionary<string, (int Oldest, int Pages)>(StringComparer.Ordinal);
        (int Oldest, int Pages) Stable(CategoryListing category)
        {
            bool In(ListedPaper? p) => p is not null && p.Paper.Subjects.Any(s => s.Code == category.Code);
            // The papers of the category, oldest first, that did not change, up to the first one that did.
            var papers = category.Papers;
            var oldest = 0;
            while (oldest < papers.Count && !relistedIds.Contains(papers[^(oldest + 1)].Paper.Id.Value)) oldest++;
            // A changed paper's earlier place: after as many unchanged papers as sort older than it.
            foreach (var (was, _) in relisted.Where(r => In(r.Was)))
            {
                var older = 0;
                while (older < oldest && SiteModel.ListingOrder(was!, papers[^(older + 1)]) < 0) older++;
                oldest = Math.Min(oldest, older);
            }
            var before = papers.Count - relisted.Count(r => In(r.Now)) + relisted.Count(r => In(r.Was));
            return (oldest, Paging.Pages(before, model.Options.PapersPerCategoryPage));
        }
        return (category, paging) =>
        {
            if (paging.Number == 0) return false;
            var (oldest, pages) = stable.GetOrAdd(category.Code, _ => Stable(category));
            if (pages != paging.PageCount || paging.Number * model.Options.PapersPerCategoryPage > oldest) return false;
            var path = SitePaths.Category(category.Code, paging.Number);
            if (!previous.Files.TryGetValue(path, out var key)) return false;
            record(path, key);
            return true;
        };
    }

    /// <summary>Every file under <paramref name="root"/>, as a site path ('/' between folders).</summary>
    private static List<string> ListFiles(string root) =>
        new System.IO.Enumeration.FileSystemEnumerable<string>(root,
            (ref System.IO.Enumeration.FileSystemEntry entry) => entry.Directory.Length == root.Length
                ? entry.FileName.ToString()
                : string.Concat(entry.Directory[(root.Length + 1)..], "/", entry.FileName).Replace(Path.DirectorySeparatorChar, '/'),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
        }.ToList();

    /// <summary>
    /// Whether the build described by <paramref name="manifest"/> produces the file at <paramref name="path"/>: a
    /// listing it names, a day's or a paper's files (read back from the path, which names them exactly), or its own.
    /// </summary>
    private static bool IsProduced(SiteManifest manifest, string path)
    {
        if (SitePaths.TryParseDayFile(path, out var day)) return manifest.Days.ContainsKey(day);
        if (SitePaths.TryParsePaperFile(path, out var paper)) return manifest.Papers.ContainsKey(SitePaths.PaperIdOfKey(paper));
        return manifest.Files.ContainsKey(path) || path is Marker or SiteManifest.FileName;
    }

    private static DigestWindow Stem(string stem) => SitePaths.TryParseWindowStem(stem, out var window) ? window : throw new FormatException($"not a window: {stem}");

    private static IEnumerable<DateOnly> Dates(DigestWindow window)
    {
        for (var day = window.Start; day <= window.End; day = day.AddDays(1)) yield return day;
    }
}
