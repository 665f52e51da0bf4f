using System.Globalization;
using System.Text;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A paper's engagement history as an inline SVG (no script, no external file): measured totals as a line,
/// totals printed by published digests as squares. The chart has a title and description for screen readers,
/// and the same numbers follow it as a table.
/// </summary>
internal static class EngagementChart
{
    private const double Width = 480, Height = 270, Left = 72, Right = 18, Top = 16, Bottom = 60, MinTickGap = 44;

    /// <summary>Ticks of the time axis, in hours since announcement: the first hours matter most, years can follow.</summary>
    private static readonly (double Hours, string Label)[] Ticks =
    [
        (0, "0"), (1, "1 h"), (6, "6 h"), (24, "1 d"), (72, "3 d"), (168, "1 wk"), (720, "30 d"), (2160, "90 d"),
        (8766, "1 yr"), (17532, "2 yr"), (43830, "5 yr"), (87660, "10 yr"), (175320, "20 yr"),
    ];

    /// <summary>
    /// Draws the history against time since <paramref name="announcedAt"/> (the paper's first announcement; the
    /// first point when unknown) on a logarithmic axis, so a paper's first day and a reading five years later
    /// both have room. Points measured before the announcement sit at zero.
    /// </summary>
    public static void Append(StringBuilder sb, IReadOnlyList<HistoryPoint> points, string idPrefix, DateTimeOffset? announcedAt = null)
    {
        if (points.Count == 0)
        {
            sb.Append("<p>No engagement has been measured for this paper yet.</p>\n");
            return;
        }
        var origin = announcedAt ?? points.Min(p => p.At);
        double Hours(DateTimeOffset t) => Math.Max(0, (t - origin).TotalHours);
        var maxHours = Ticks.Select(t => t.Hours).FirstOrDefault(h => h >= Math.Max(24, points.Max(p => Hours(p.At))), Ticks[^1].Hours);
        var top = NiceCeiling(Math.Max(1, points.Max(p => p.Score)));
        double XH(double hours) => Left + (Width - Left - Right) * (Math.Log(1 + Math.Min(hours, maxHours)) / Math.Log(1 + maxHours));
        double X(DateTimeOffset t) => XH(Hours(t));
        double Y(int score) => Top + (Height - Top - Bottom) * (1 - (double)score / top);

        var measured = points.Where(p => !p.IsReported).ToList();
        var reported = points.Where(p => p.IsReported).ToList();
        var peak = points.MaxBy(p => p.Score)!;
        var title = idPrefix + "-title";
        var desc = idPrefix + "-desc";
        sb.Append("<figure class=\"chart\">\n<svg viewBox=\"0 0 ").Append(F(Width)).Append(' ').Append(F(Height))
          .Append("\" role=\"img\" aria-labelledby=\"").Append(title).Append(' ').Append(desc).Append("\" focusable=\"false\">\n")
          .Append("<title id=\"").Append(title).Append("\">Score (reposts + likes) by time since announcement</title>\n")
          .Append("<desc id=\"").Append(desc).Append("\">")
          .Append(points.Count).Append(points.Count == 1 ? " measurement" : " measurements")
          .Append(" from ").Append(Since(points[0].At - origin)).Append(" to ").Append(Since(points[^1].At - origin)).Append(" after announcement (")
          .Append(Day(points[0].At)).Append(" to ").Append(Day(points[^1].At))
          .Append("); highest score ").Append(Layout.Number(peak.Score)).Append(" on ").Append(Day(peak.At)).Append(".</desc>\n");

        // Score grid with labels on the left.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var value = (int)Math.Round(top * fraction);
            var y = F(Y(value));
            sb.Append("<line class=\"grid\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Width - Right)).Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y).Append("\"/>")
              .Append("<text class=\"axis\" x=\"").Append(F(Left - 6)).Append("\" y=\"").Append(y).Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
              .Append(Compact(value)).Append("</text>\n");
        }
        // Time ticks: only those that leave room for their label, always the first and the last.
        var lastX = double.NegativeInfinity;
        var shown = Ticks.Where(t => t.Hours <= maxHours).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var x = XH(shown[i].Hours);
            var isLast = i == shown.Count - 1;
            // The last label is drawn right-aligned at the end, so a tick before it needs more room.
            if (!isLast && (x - lastX < MinTickGap || XH(maxHours) - x < MinTickGap * 1.5)) continue;
            lastX = x;
            sb.Append("<line class=\"grid\" x1=\"").Append(F(x)).Append("\" x2=\"").Append(F(x)).Append("\" y1=\"").Append(F(Height - Bottom)).Append("\" y2=\"").Append(F(Height - Bottom + 5)).Append("\"/>")
              .Append("<text class=\"axis\" x=\"").Append(F(x)).Append("\" y=\"").Append(F(Height - Bottom + 22)).Append("\" text-anchor=\"")
              .Append(i == 0 ? "start" : isLast ? "end" : "middle").Append("\">").Append(shown[i].Label).Append("</text>\n");
        }
        sb.Append("<text class=\"axis axis-title\" x=\"").Append(F(Left + (Width - Left - Right) / 2)).Append("\" y=\"").Append(F(Height - 8))
          .Append("\" text-anchor=\"middle\">time since announcement</text>\n");

        if (measured.Count > 1)
        {
            sb.Append("<polyline class=\"measured\" fill=\"none\" points=\"");
            foreach (var p in measured) sb.Append(F(X(p.At))).Append(',').Append(F(Y(p.Score))).Append(' ');
            sb.Length--;
            sb.Append("\"/>\n");
        }
        foreach (var p in measured)
        {
            sb.Append("<circle class=\"measured\" cx=\"").Append(F(X(p.At))).Append("\" cy=\"").Append(F(Y(p.Score))).Append("\" r=\"4\"><title>")
              .Append(Label(p, origin)).Append("</title></circle>\n");
        }
        foreach (var p in reported)
        {
            sb.Append("<rect class=\"reported\" x=\"").Append(F(X(p.At) - 5)).Append("\" y=\"").Append(F(Y(p.Score) - 5)).Append("\" width=\"10\" height=\"10\"><title>")
              .Append(Label(p, origin)).Append("</title></rect>\n");
        }
        sb.Append("</svg>\n<figcaption>");
        if (measured.Count > 0) sb.Append("<span class=\"key measured\">&#9679; measured from post snapshots</span> ");
        if (reported.Count > 0) sb.Append("<span class=\"key reported\">&#9632; as printed by the published digest</span> ");
        sb.Append("<span class=\"key\">Time axis is logarithmic, from the announcement (").Append(origin.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC).</span>");
        sb.Append("</figcaption>\n</figure>\n");

        sb.Append("<table class=\"history\">\n<caption>Engagement measurements</caption>\n<thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\" class=\"num\">After</th>")
          .Append("<th scope=\"col\" class=\"num\">Reposts</th><th scope=\"col\" class=\"num\">Likes</th><th scope=\"col\" class=\"num\">Score</th></tr></thead>\n<tbody>\n");
        foreach (var p in points)
        {
            // Date and time may wrap onto two lines on a phone; the source is a small note under them.
            sb.Append("<tr><td>").Append(p.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" <span class=\"time\">")
              .Append(p.At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)).Append("</span>");
            if (p.IsReported) sb.Append("<br><span class=\"source\">digest ").Text(p.WindowKey).Append("</span>");
            sb.Append("</td><td class=\"num\">").Append(Since(p.At - origin))
              .Append("</td><td class=\"num\">").Append(Layout.Number(p.Reposts)).Append("</td><td class=\"num\">").Append(Layout.Number(p.Likes))
              .Append("</td><td class=\"num\">").Append(Layout.Number(p.Score)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>A duration as a reader says it: "45 min", "6 h", "3.5 d", "2.1 yr"; negative before the announcement.</summary>
    public static string Since(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "\u2212" : "";
        var t = span.Duration();
        var c = CultureInfo.InvariantCulture;
        var text = t.TotalHours < 1 ? string.Create(c, $"{t.TotalMinutes:0} min")
            : t.TotalHours < 48 ? string.Create(c, $"{t.TotalHours:0} h")
            : t.TotalDays < 60 ? string.Create(c, $"{t.TotalDays:0.#} d")
            : t.TotalDays < 730 ? string.Create(c, $"{t.TotalDays:0} d")
            : string.Create(c, $"{t.TotalDays / 365.25:0.#} yr");
        return sign + text;
    }

    /// <summary>Axis numbers short enough for a phone: 950, 2k, 15k, 1.5M.</summary>
    private static string Compact(int value) => value switch
    {
        < 10_000 => Layout.Number(value),
        < 1_000_000 => (value / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => (value / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + "M",
    };

    private static string Label(HistoryPoint p, DateTimeOffset origin) =>
        Html.Encode(Since(p.At - origin) + " after announcement, " + p.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC: "
            + Layout.Number(p.Reposts) + " retweets, " + Layout.Number(p.Likes) + " favorites"
            + (p.IsReported ? " (digest " + p.WindowKey + ")" : ""));

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="value"/>: readable axis labels.</summary>
    private static int NiceCeiling(int value)
    {
        var magnitude = 1;
        while (true)
        {
            foreach (var step in new[] { 1, 2, 5 })
                if (step * magnitude >= value) return step * magnitude;
            if (magnitude > int.MaxValue / 10) return value;
            magnitude *= 10;
        }
    }
}
