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
            // One point per distinct time: snapshots of a run share their measurement time.
            if (i + 1 < snapshots.Count && snapshots[i + 1].MeasuredAt == s.MeasuredAt) continue;
            points.Add(new HistoryPoint(s.MeasuredAt, latest.Values.Sum(v => v.Reposts), latest.Values.Sum(v => v.Likes), null));
        }
        foreach (var reported in activity.Reported)
            points.Add(new HistoryPoint(LocalToInstant(reported.MeasuredAtLocal, zone), reported.Reposts, reported.Likes, reported.WindowKey));
        return points.OrderBy(p => p.At).ThenBy(p => p.IsReported).ToList();
    }

    /// <summary>A local wall-clock time as an instant (an ambiguous or skipped time takes the zone's standard offset).</summary>
    public static DateTimeOffset LocalToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.IsInvalidTime(unspecified) ? zone.BaseUtcOffset : zone.GetUtcOffset(unspecified));
    }
}
