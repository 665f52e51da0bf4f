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
    private const double Width = 560, Height = 240, Left = 64, Right = 16, Top = 16, Bottom = 40;

    public static void Append(StringBuilder sb, IReadOnlyList<HistoryPoint> points, string idPrefix)
    {
        if (points.Count == 0)
        {
            sb.Append("<p>No engagement has been measured for this paper yet.</p>\n");
            return;
        }
        var first = points.Min(p => p.At);
        var last = points.Max(p => p.At);
        if (last - first < TimeSpan.FromHours(1))
        {
            first -= TimeSpan.FromHours(12);
            last += TimeSpan.FromHours(12);
        }
        var top = NiceCeiling(Math.Max(1, points.Max(p => p.Score)));
        double X(DateTimeOffset t) => Left + (Width - Left - Right) * ((t - first).TotalSeconds / (last - first).TotalSeconds);
        double Y(int score) => Top + (Height - Top - Bottom) * (1 - (double)score / top);

        var measured = points.Where(p => !p.IsReported).ToList();
        var reported = points.Where(p => p.IsReported).ToList();
        var peak = points.MaxBy(p => p.Score)!;
        var title = idPrefix + "-title";
        var desc = idPrefix + "-desc";
        sb.Append("<figure class=\"chart\">\n<svg viewBox=\"0 0 ").Append(F(Width)).Append(' ').Append(F(Height))
          .Append("\" role=\"img\" aria-labelledby=\"").Append(title).Append(' ').Append(desc).Append("\" focusable=\"false\">\n")
          .Append("<title id=\"").Append(title).Append("\">Engagement over time (retweets + favorites)</title>\n")
          .Append("<desc id=\"").Append(desc).Append("\">")
          .Append(points.Count).Append(points.Count == 1 ? " measurement" : " measurements")
          .Append(" from ").Append(Day(points[0].At)).Append(" to ").Append(Day(points[^1].At))
          .Append("; highest total ").Append(Layout.Number(peak.Score)).Append(" on ").Append(Day(peak.At)).Append(".</desc>\n");

        // Grid and axis labels.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var value = (int)Math.Round(top * fraction);
            var y = F(Y(value));
            sb.Append("<line class=\"grid\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Width - Right)).Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y).Append("\"/>")
              .Append("<text class=\"axis\" x=\"").Append(F(Left - 6)).Append("\" y=\"").Append(y).Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
              .Append(Layout.Number(value)).Append("</text>\n");
        }
        sb.Append("<text class=\"axis\" x=\"").Append(F(Left)).Append("\" y=\"").Append(F(Height - 10)).Append("\">").Append(Day(first)).Append("</text>")
          .Append("<text class=\"axis\" x=\"").Append(F(Width - Right)).Append("\" y=\"").Append(F(Height - 10)).Append("\" text-anchor=\"end\">").Append(Day(last)).Append("</text>\n");

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
              .Append(Label(p)).Append("</title></circle>\n");
        }
        foreach (var p in reported)
        {
            sb.Append("<rect class=\"reported\" x=\"").Append(F(X(p.At) - 5)).Append("\" y=\"").Append(F(Y(p.Score) - 5)).Append("\" width=\"10\" height=\"10\"><title>")
              .Append(Label(p)).Append("</title></rect>\n");
        }
        sb.Append("</svg>\n<figcaption>");
        if (measured.Count > 0) sb.Append("<span class=\"key measured\">&#9679; measured from post snapshots</span> ");
        if (reported.Count > 0) sb.Append("<span class=\"key reported\">&#9632; as printed by the published digest</span>");
        sb.Append("</figcaption>\n</figure>\n");

        sb.Append("<table class=\"history\">\n<caption>Engagement measurements</caption>\n<thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Source</th>")
          .Append("<th scope=\"col\" class=\"num\">Retweets</th><th scope=\"col\" class=\"num\">Favorites</th><th scope=\"col\" class=\"num\">Total</th></tr></thead>\n<tbody>\n");
        foreach (var p in points)
        {
            sb.Append("<tr><td>").Append(p.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</td><td>");
            if (p.IsReported) sb.Append("digest ").Text(p.WindowKey);
            else sb.Append("snapshots");
            sb.Append("</td><td class=\"num\">").Append(Layout.Number(p.Reposts)).Append("</td><td class=\"num\">").Append(Layout.Number(p.Likes))
              .Append("</td><td class=\"num\">").Append(Layout.Number(p.Score)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static string Label(HistoryPoint p) =>
        Html.Encode(p.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC: "
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
