using System.Diagnostics;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>The incremental build: an earlier build brought up to date from its manifest.</summary>
public sealed partial class SiteBuilder
{
    /// <summary>
    /// Brings an earlier build up to date: days and papers whose input keys changed are ranked, rendered and
    /// written again; the pages built from every day (index, archive, feed) or every paper (categories, search)
    /// are rendered again and written when their bytes changed; files no longer produced are removed.
    /// </summary>
    private SiteBuildResult Update(string root, string settings, Task<SiteInputs> hashing, SiteManifest previous, IProgress<string>? progress, Stopwatch watch)
    {
        // Without a manifest the folder reads as foreign to an interrupted update's successor, which then builds it whole.
        File.Delete(Path.Combine(root, SiteManifest.FileName));
        foreach (var dir in Folders) Directory.CreateDirectory(Path.Combine(root, dir));
        var listed = _profile.Measure("load papers", () => model.Store.Papers.LoadListed());
        var inputs = _profile.Measure("wait for inputs", () => hashing.GetAwaiter().GetResult());
        var manifest = new SiteManifest { Settings = settings };
        var written = 0;
        void Write(SiteFile file, string key)
        {
            manifest.Files[file.Path] = key;
            var path = Path.Combine(root, file.Path);
            var partial = path + ".partial";
            _profile.Measure("write", () =>
            {
                File.WriteAllBytes(partial, file.Content);
                File.Move(partial, path, overwrite: true);
            });
            written++;
        }
        void WriteIfChanged(SiteFile file)
        {
            var key = SiteInputs.Hash(file.Content);
            if (previous.Files.TryGetValue(file.Path, out var old) && old == key) manifest.Files[file.Path] = key;
            else Write(file, key);
        }
        bool Unchanged(IEnumerable<string> paths, string key)
        {
            var all = paths.ToList();
            if (!all.All(p => previous.Files.TryGetValue(p, out var old) && old == key)) return false;
            foreach (var path in all) manifest.Files[path] = key;
            return true;
        }

        var windows = _profile.Measure("load windows", () => model.Windows());
        var now = model.Now;
        var summaries = new DaySummary[windows.Count];
        var rebuiltDays = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            var key = inputs.DayKey(settings, window, Older(windows, i), Newer(windows, i), now);
            if (previous.Days.TryGetValue(window.FileStem, out var old) && old.Key == key && Unchanged(DayFiles(window), key))
            {
                summaries[i] = old.Summary;
            }
            else
            {
                var day = _profile.Measure("rank day", () => model.Day(window, windows));
                summaries[i] = WriteDay(day, file => Write(file, key));
                rebuiltDays++;
            }
            manifest.Days[window.FileStem] = (key, summaries[i]);
        }
        progress?.Report($"{rebuiltDays} of {windows.Count} days rebuilt");
        WriteDayListings(summaries, WriteIfChanged);

        var changed = new List<(ListedPaper Paper, string Key)>();
        foreach (var paper in listed)
        {
            var id = paper.Paper.Id.Value;
            var key = inputs.PaperKey(settings, id);
            if (previous.Scores.TryGetValue(id, out var score) && Unchanged(PaperFiles(paper.Paper.Id), key)) manifest.Scores[id] = score;
            else changed.Add((paper, key));
        }
        // A few changed papers read their own activity; many read everyone's in the bulk queries of a full build.
        var activity = changed.Count == 0 ? new Dictionary<string, PaperActivity>()
            : changed.Count > 200 ? _profile.Measure("load activity", () => model.Store.LoadPaperActivity())
            : _profile.Measure("load activity", () => changed.SelectMany(c => model.Store.LoadPaperActivity(c.Paper.Paper.Id)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        foreach (var (paper, key) in changed)
        {
            var id = paper.Paper.Id.Value;
            manifest.Scores[id] = WritePaper(paper, activity.TryGetValue(id, out var a) ? a : PaperActivity.None, file => Write(file, key));
        }
        progress?.Report($"{changed.Count} of {listed.Count} papers rebuilt");

        var categories = WritePaperListings(listed, id => manifest.Scores[id], WriteIfChanged);
        foreach (var asset in SiteModel.Assets()) WriteIfChanged(asset);

        // The folder is the build's own: whatever this build would not write goes, as a full build's swap removes it.
        var removed = _profile.Measure("remove stale", () =>
        {
            var stale = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(p => p is not (Marker or SiteManifest.FileName) && !manifest.Files.ContainsKey(p))
                .ToList();
            foreach (var path in stale) File.Delete(Path.Combine(root, path));
            return stale.Count;
        });
        File.WriteAllBytes(Path.Combine(root, SiteManifest.FileName), manifest.Write(windows));
        return new SiteBuildResult(root, manifest.Files.Count + 2, windows.Count, listed.Count, categories, watch.Elapsed)
        {
            Written = written,
            Removed = removed,
            Incremental = true,
        };
    }
}
