using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Turns snapshots into a paper's history. At each snapshot time the paper's totals are the sums of the latest
/// counts known for each original post (reposts are never counted twice, as in the ranking). Totals printed by
/// imported digests are separate points: they were measured by the original tool, not by snapshots here.
/// </summary>
public static class EngagementHistory
{
    public static IReadOnlyList<HistoryPoint> Of(PaperActivity activity, TimeZoneInfo zone)
    {
        var points = new List<HistoryPoint>();
        var latest = new Dictionary<(string, string), (int Reposts, int Likes)>();
        var snapshots = activity.Posts
            .Where(p => p.Post.RepostOf is null)
            .SelectMany(p => p.Snapshots)
            .OrderBy(s => s.MeasuredAt)
            .ToList();
        for (var i = 0; i < snapshots.Count; i++)
        {
            var s = snapshots[i];
            latest[(s.Platform, s.PostId)] = (s.Reposts, s.Likes);
            // One point per minute: the snapshots of one run are taken seconds apart, and a row per post of
            // the same run would repeat the same minute in the table. The point keeps the minute's last state.
            if (i + 1 < snapshots.Count && Minute(snapshots[i + 1].MeasuredAt) == Minute(s.MeasuredAt)) continue;
            points.Add(new HistoryPoint(s.MeasuredAt, latest.Values.Sum(v => v.Reposts), latest.Values.Sum(v => v.Likes), null));
        }
        foreach (var reported in activity.Reported.DistinctBy(r => (r.WindowKey, r.Reposts, r.Likes, r.MeasuredAtLocal)))
            points.Add(new HistoryPoint(LocalToInstant(reported.MeasuredAtLocal, zone), reported.Reposts, reported.Likes, reported.WindowKey));
        return points.OrderBy(p => p.At).ThenBy(p => p.IsReported).ToList();
    }

    private static long Minute(DateTimeOffset t) => t.UtcTicks / TimeSpan.TicksPerMinute;

    /// <summary>
    /// When arXiv announced a listing date: its mailing goes out at 20:00 US Eastern on the evening before.
    /// The chart measures time from here, so papers of different years share one axis.
    /// </summary>
    public static DateTimeOffset AnnouncedAt(DateOnly listingDate)
    {
        var local = listingDate.AddDays(-1).ToDateTime(new TimeOnly(20, 0));
        return LocalToInstant(local, Eastern.Value);
    }

    private static readonly Lazy<TimeZoneInfo> Eastern = new(() =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // No tz database: US Eastern standard time is off by one hour in summer, which the axis can bear.
            return TimeZoneInfo.CreateCustomTimeZone("US Eastern (fixed)", TimeSpan.FromHours(-5), "US Eastern", "EST");
        }
    });

    /// <summary>A local wall-clock time as an instant (an ambiguous or skipped time takes the zone's standard offset).</summary>
    public static DateTimeOffset LocalToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.IsInvalidTime(unspecified) ? zone.BaseUtcOffset : zone.GetUtcOffset(unspecified));
    }
}
