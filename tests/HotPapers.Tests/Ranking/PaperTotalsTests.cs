using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Tests.Ranking;

/// <summary>The totals rule on rows alone, no store: fixed totals win; otherwise each original's latest counts are summed.</summary>
public sealed class PaperTotalsTests
{
    private static readonly DateTimeOffset T0 = new(2021, 6, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly DigestWindow Day = DigestWindow.Day(new DateOnly(2021, 6, 10));

    [Fact]
    public void Originals_are_summed_reposts_are_not_and_the_time_is_the_newest_measurement_in_the_local_zone()
    {
        CandidatePost[] posts = [Post("1", null, 10, 40, T0.AddHours(1)), Post("2", null, 5, 6, T0), Post("3", "1", 100, 100, T0.AddHours(2)), Post("4", null, null, null, T0)];
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+9", TimeSpan.FromHours(9), "UTC+9", "UTC+9");

        var (reposts, likes, at) = PaperTotals.Sum(posts, zone);

        Assert.Equal((15, 46), (reposts, likes));
        Assert.Equal(new DateTime(2021, 6, 11, 18, 0, 0), at);
    }

    [Fact]
    public void Fixed_totals_win_and_say_where_they_came_from()
    {
        var paper = new Paper(ArxivId.Parse("2106.05001"), "T", ["A"], [new Subject("cs.LG")], "", "https://arxiv.org/abs/2106.05001", null, Day.Start, 1);
        var other = paper with { Id = ArxivId.Parse("2106.05002"), CrawlOrder = 2 };
        var posts = new Dictionary<string, List<CandidatePost>> { ["2106.05001"] = [Post("1", null, 1, 2, T0)], ["2106.05002"] = [Post("2", null, 3, 4, T0)] };
        var measured = new DateTime(2021, 6, 11, 9, 50, 30);
        var fixedTotals = new Dictionary<string, FixedTotals> { ["2106.05001"] = new(200, 300, measured, TotalsSource.ImportedPost) };

        var candidates = PaperTotals.Candidates(Day, null, [paper, other], posts, fixedTotals, TimeZoneInfo.Utc).Papers;

        Assert.Equal((200, 300, measured, TotalsSource.ImportedPost, true),
            (candidates[0].Reposts, candidates[0].Likes, candidates[0].MeasuredAt, candidates[0].Source, candidates[0].TotalsFixed));
        Assert.Equal((3, 4, TotalsSource.LiveSnapshots, false), (candidates[1].Reposts, candidates[1].Likes, candidates[1].Source, candidates[1].TotalsFixed));
    }

    private static CandidatePost Post(string id, string? repostOf, int? reposts, int? likes, DateTimeOffset at) =>
        new(new SocialPost(SocialPost.X, id, "h", "n", at, "en", "ltr", "t", [], repostOf),
            reposts is null ? null : new EngagementSnapshot(SocialPost.X, id, reposts.Value, likes!.Value, at), null, null);
}
