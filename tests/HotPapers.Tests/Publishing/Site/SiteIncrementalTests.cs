using HotPapers.Domain;
using HotPapers.Publishing.Site;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit.Sdk;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// A build into an earlier build updates it: only what changed is written, and the folder ends byte for byte
/// equal to a full build of the same store (manifest included).
/// </summary>
public class SiteIncrementalTests : SiteStoreTests
{
    // Small pages, so one more day shifts every index page and one more paper shifts category pages.
    private static readonly SiteOptions Options = new() { DaysPerPage = 2, PapersPerCategoryPage = 2 };

    [StoreFact]
    public void A_new_day_rewrites_only_what_it_affects_and_ends_equal_to_a_full_build()
    {
        using var site = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        AddDay(site, new DateOnly(2021, 6, 14), "2106.07001", 400);
        var incremental = Path.Combine(site.Directory, "incremental");
        var first = Build(site, incremental);
        Assert.False(first.Incremental);

        var unchanged = Build(site, incremental);
        Assert.True(unchanged.Incremental);
        Assert.Equal(0, unchanged.Written);
        Assert.Equal(0, unchanged.Removed);

        var untouched = Path.Combine(incremental, SitePaths.Paper(ArxivId.Parse("2106.06001")));
        var untouchedTime = File.GetLastWriteTimeUtc(untouched);
        AddDay(site, new DateOnly(2021, 6, 15), "2106.08001", 500);
        var update = Build(site, incremental);
        Assert.True(update.Incremental);
        Assert.InRange(update.Written, 5, update.Files / 2);
        Assert.True(File.Exists(Path.Combine(incremental, "days/2021-06-15.html")));
        Assert.Equal(untouchedTime, File.GetLastWriteTimeUtc(untouched));
        // The day before the new one gained a "next day" link.
        Assert.Contains("days/2021-06-15.html", File.ReadAllText(Path.Combine(incremental, "days/2021-06-14.html")));

        AssertSameTree(FullBuild(site), incremental);
    }

    [StoreFact]
    public void A_changed_past_day_is_rebuilt_and_a_removed_one_disappears()
    {
        using var site = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        AddDay(site, new DateOnly(2021, 6, 14), "2106.07001", 400);
        AddDay(site, new DateOnly(2021, 6, 15), "2106.08001", 500);
        var incremental = Path.Combine(site.Directory, "incremental");
        Build(site, incremental);

        // Re-measured counts of a past day's post (newer than its latest snapshot): its day page, its paper and the listings change.
        var before = File.ReadAllText(Path.Combine(incremental, "days/2021-06-11.html"));
        site.Store.Write(tx => tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "1403000000000000001", 70, 900,
            new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero))));
        var remeasured = Build(site, incremental);
        Assert.True(remeasured.Incremental);
        Assert.NotEqual(before, File.ReadAllText(Path.Combine(incremental, "days/2021-06-11.html")));
        AssertSameTree(FullBuild(site), incremental);

        // A re-import that changes what an imported day printed.
        site.Store.Sql.Run("UPDATE printed_papers SET title = 'A corrected title' WHERE window_key = '2021-06-10' AND rank = 1");
        Build(site, incremental);
        Assert.Contains("A corrected title", File.ReadAllText(Path.Combine(incremental, "days/2021-06-10.html")));
        AssertSameTree(FullBuild(site), incremental);

        // A day whose listings are gone: its files go, its neighbours link past it.
        site.Store.Sql.Run("DELETE FROM announcements WHERE listing_date = '2021-06-14'");
        var removal = Build(site, incremental);
        Assert.True(removal.Removed >= 3);
        Assert.False(File.Exists(Path.Combine(incremental, "days/2021-06-14.html")));
        Assert.False(File.Exists(Path.Combine(incremental, "og/2021-06-14.png")));
        AssertSameTree(FullBuild(site), incremental);
    }

    [StoreFact]
    public void Other_settings_or_a_damaged_manifest_mean_a_full_build()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var outDir = Path.Combine(site.Directory, "site");
        Build(site, outDir);
        File.WriteAllText(Path.Combine(outDir, "stray.html"), "not ours");

        var other = new SiteBuilder(site.Model(Options with { Title = "Other Papers" })).Build(outDir);
        Assert.False(other.Incremental);
        Assert.False(File.Exists(Path.Combine(outDir, "stray.html")));

        File.WriteAllText(Path.Combine(outDir, SiteBuilder.ManifestFile), "{ not json");
        Assert.False(Build(site, outDir).Incremental);
        AssertSameTree(FullBuild(site), outDir);

        // One byte changed anywhere, or the end cut off: the manifest's hash no longer matches, so it is not trusted.
        var manifest = Path.Combine(outDir, SiteBuilder.ManifestFile);
        var bytes = File.ReadAllBytes(manifest);
        Assert.True(Build(site, outDir).Incremental);
        foreach (var at in new[] { 8, bytes.Length / 2, bytes.Length - 1 })
        {
            var damaged = (byte[])bytes.Clone();
            damaged[at] ^= 0x20;
            File.WriteAllBytes(manifest, damaged);
            Assert.False(Build(site, outDir).Incremental);
        }
        File.WriteAllBytes(manifest, bytes[..^40]);
        Assert.False(Build(site, outDir).Incremental);
        AssertSameTree(FullBuild(site), outDir);
    }

    [StoreFact]
    public void A_paper_moving_from_the_oldest_listing_to_the_newest_shifts_the_older_category_pages()
    {
        using var site = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        AddDay(site, new DateOnly(2021, 6, 14), "2106.07001", 400);
        AddDay(site, new DateOnly(2021, 6, 15), "2106.08001", 500);
        var incremental = Path.Combine(site.Directory, "incremental");
        Build(site, incremental);

        // Its earlier place was on the oldest page: every older page of its categories holds other papers now.
        site.Store.Sql.Run("UPDATE announcements SET listing_date = '2021-06-15' WHERE arxiv_id = '2010.13611'");
        Assert.True(Build(site, incremental).Incremental);
        AssertSameTree(FullBuild(site), incremental);

        // And back: its new place is on the oldest page.
        site.Store.Sql.Run("UPDATE announcements SET listing_date = '2020-10-27' WHERE arxiv_id = '2010.13611'");
        Assert.True(Build(site, incremental).Incremental);
        AssertSameTree(FullBuild(site), incremental);
    }

    [StoreFact]
    public void A_paper_in_a_new_category_changes_the_manifests_category_table_and_still_ends_equal_to_a_full_build()
    {
        using var site = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        var incremental = Path.Combine(site.Directory, "incremental");
        Build(site, incremental);

        // "aa.AA" sorts first in the manifest's table of categories, so every earlier paper's category numbers move:
        // none of their entries may be copied from the earlier manifest.
        var at = new DateTimeOffset(2021, 6, 16, 9, 0, 0, TimeSpan.Zero);
        Synthetic.Add(site.Store, Synthetic.Paper("2106.09001", new DateOnly(2021, 6, 16), 1, subjects: [new Subject("aa.AA", "A new field"), new Subject("cs.LG", "Machine Learning")]),
            (Synthetic.Post("1409000000000000001", "new field", at), [(10, 400)]));
        Assert.True(Build(site, incremental).Incremental);
        AssertSameTree(FullBuild(site), incremental);

        // And with the table unchanged, the entries of the papers and days that did not change are copied.
        AddDay(site, new DateOnly(2021, 6, 17), "2106.09101", 300);
        Assert.True(Build(site, incremental).Incremental);
        AssertSameTree(FullBuild(site), incremental);
    }

    [StoreFact]
    public void A_search_index_changed_by_hand_is_written_whole_again()
    {
        using var site = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        AddDay(site, new DateOnly(2021, 6, 14), "2106.07001", 400);
        var incremental = Path.Combine(site.Directory, "incremental");
        Build(site, incremental);
        // An entry of a paper that will not change is edited: the update must not copy it from this file.
        var index = Path.Combine(incremental, SitePaths.SearchIndex);
        var text = File.ReadAllText(index);
        Assert.Contains("\"id\":\"2106.07001\"", text);
        File.WriteAllText(index, text.Replace("Paper of 2021-06-14", "Edited by hand", StringComparison.Ordinal));

        AddDay(site, new DateOnly(2021, 6, 15), "2106.08001", 500);
        Assert.True(Build(site, incremental).Incremental);
        Assert.DoesNotContain("Edited by hand", File.ReadAllText(index));
        AssertSameTree(FullBuild(site), incremental);
    }

    [StoreFact]
    public void Writing_the_same_day_again_rewrites_nothing_and_a_renamed_paper_updates_its_listings()
    {
        using var site = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        AddDay(site, new DateOnly(2021, 6, 14), "2106.07001", 400);
        var incremental = Path.Combine(site.Directory, "incremental");
        Build(site, incremental);

        // The same papers, posts and snapshots written again: the store logs no change, so nothing is rendered or written.
        AddDay(site, new DateOnly(2021, 6, 14), "2106.07001", 400);
        var again = Build(site, incremental);
        Assert.True(again.Incremental);
        Assert.Equal(0, again.Written);

        // A new title shows on the paper, its day, its category pages and in the search index.
        site.Store.Sql.Run("UPDATE papers SET title = 'A renamed paper' WHERE arxiv_id = '2106.07001'");
        var renamed = Build(site, incremental);
        Assert.True(renamed.Incremental);
        Assert.Contains("A renamed paper", File.ReadAllText(Path.Combine(incremental, SitePaths.SearchIndex)));
        Assert.Contains("A renamed paper", File.ReadAllText(Path.Combine(incremental, "days/2021-06-14.html")));
        AssertSameTree(FullBuild(site), incremental);
    }

    [StoreFact]
    public void A_site_built_from_another_store_is_built_whole()
    {
        using var first = new TempSite(Backend).WithSeeds();
        using var second = new TempSite(Backend).WithSeeds().WithMeasuredDay();
        var outDir = Path.Combine(first.Directory, "site");
        Build(first, outDir);

        // Same settings, but the manifest's change-log position belongs to the first store.
        Assert.False(Build(second, outDir).Incremental);
        Assert.True(Build(second, outDir).Incremental);
        AssertSameTree(FullBuild(second), outDir);
    }

    private static SiteBuildResult Build(TempSite site, string outDir) => new SiteBuilder(site.Model(Options)).Build(outDir);

    private static string FullBuild(TempSite site)
    {
        var outDir = Path.Combine(site.Directory, "full-" + Guid.NewGuid().ToString("N"));
        Assert.False(new SiteBuilder(site.Model(Options)).Build(outDir, full: true).Incremental);
        return outDir;
    }

    /// <summary>A listing day with one paper and two posts over the paper threshold.</summary>
    private static void AddDay(TempSite site, DateOnly day, string id, int likes)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        Synthetic.Add(site.Store, Synthetic.Paper(id, day, 1, title: "Paper of " + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (Synthetic.Post(id.Replace(".", "", StringComparison.Ordinal) + "01", "read this", at), [(10, likes / 2), (20, likes)]),
            (Synthetic.Post(id.Replace(".", "", StringComparison.Ordinal) + "02", "and this", at.AddMinutes(5)), [(5, 60)]));
    }

    /// <summary>Same file names, same bytes; the first difference is named with its first differing line.</summary>
    internal static void AssertSameTree(string expected, string actual)
    {
        static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var want = Files(expected);
        var got = Files(actual);
        var missing = want.Except(got).ToList();
        var extra = got.Except(want).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new XunitException($"file lists differ: missing {string.Join(", ", missing.Take(5))}; extra {string.Join(", ", extra.Take(5))}");
        foreach (var file in want)
            Golden.AssertSameBytes(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)), file);
    }
}

public sealed class SiteIncrementalPostgresTests : SiteIncrementalTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
