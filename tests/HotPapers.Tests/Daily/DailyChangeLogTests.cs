using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Daily;

/// <summary>
/// The daily job ends by compacting the store's change log (<see cref="ChangeLog.Compact"/>): the log stays one row
/// per changed key instead of one per written row, and still names every paper a later site build must update.
/// </summary>
public sealed class DailyChangeLogTests
{
    private const string Date = "2021-06-10";

    [Fact]
    public async Task A_daily_run_leaves_one_change_row_per_key_and_every_paper_still_named()
    {
        using var dir = new TempDirectory();
        for (var run = 1; run <= 2; run++)
        {
            var (code, _, error) = await OfflineDailyTests.Daily(dir, OfflineDailyTests.ReplayDir, Date, "2021-06-11T08:00:00");
            Assert.True(code == 0, $"run {run}: exit {code}: {error}");

            using var store = HotPapersStore.Open(dir.File("hotpapers.db"));
            Assert.True(store.Sql.Count("SELECT COUNT(*) FROM site_changes") > 0, $"run {run}: the change log is empty");
            var repeated = store.Sql.Count("SELECT COUNT(*) FROM (SELECT 1 FROM site_changes GROUP BY kind, key1, key2 HAVING COUNT(*) > 1) AS keys");
            Assert.True(repeated == 0, $"run {run}: {repeated} keys have more than one row in site_changes");
            var stored = store.Sql.Rows("SELECT arxiv_id FROM papers", r => r.GetString(0)).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(stored);
            Assert.Equal(stored, store.Changes.Since(1).Papers.Order(StringComparer.Ordinal));
        }
    }
}
