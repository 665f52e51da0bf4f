using HotPapers.Domain;
using HotPapers.Ranking;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>A day page says where its totals came from: an imported post, a daily run's measurement, or live snapshots.</summary>
public class SiteTotalsSourceTests : SiteStoreTests
{
    private const string Printed = "the published post printed";
    private const string Measured = "as the daily run measured them";

    [StoreFact]
    public void Each_day_says_where_its_totals_came_from()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var measuredDay = new DateOnly(2021, 7, 1);
        var liveDay = new DateOnly(2021, 7, 2);
        var at = new DateTimeOffset(2021, 7, 1, 9, 0, 0, TimeSpan.Zero);
        var paper = Synthetic.Paper("2107.00001", measuredDay, 1, title: "Measured paper");
        Synthetic.Add(site.Store, paper, (Synthetic.Post("1410000000000000001", "Great paper", at), [(30, 40)]));
        Synthetic.Add(site.Store, Synthetic.Paper("2107.00002", liveDay, 1, title: "Live paper"),
            (Synthetic.Post("1410000000000000002", "Also great", at.AddDays(1)), [(30, 40)]));
        // What a daily run stores for its day: the measured totals and its digest.
        site.Store.Write(tx =>
        {
            tx.Digests.SetTotals(DigestWindow.Day(measuredDay), paper.Id, 30, 40, new DateTime(2021, 7, 2, 9, 50, 0));
            tx.Digests.Upsert(DigestWindow.Day(measuredDay), new DateTime(2021, 7, 2, 9, 51, 0), "daily");
        });
        var model = site.Model();

        var imported = model.DayPage(model.Day(Seeds.Window("2021-06-10"))).Text;
        var measured = model.Day(DigestWindow.Day(measuredDay));
        var live = model.Day(DigestWindow.Day(liveDay));

        Assert.Contains(Printed, imported);
        Assert.DoesNotContain(Measured, imported);
        Assert.Equal(TotalsSource.DailyMeasurement, measured.Digest.Papers.Single().Candidate.Source);
        Assert.DoesNotContain(Printed, model.DayPage(measured).Text);
        Assert.Contains(Measured + " at 2021-07-02 09:50:00", model.DayPage(measured).Text);
        Assert.Equal(TotalsSource.LiveSnapshots, live.Digest.Papers.Single().Candidate.Source);
        Assert.DoesNotContain(Printed, model.DayPage(live).Text);
        Assert.DoesNotContain(Measured, model.DayPage(live).Text);
    }
}

public sealed class SiteTotalsSourcePostgresTests : SiteTotalsSourceTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
