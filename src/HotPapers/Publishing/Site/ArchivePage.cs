using System.Globalization;
using System.Text;
using HotPapers.Domain;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Every day on one page, as month calendars, newest month first: a day with a page is a link, shaded by its
/// top paper's score, so a reader can jump to any date without paging through the index. Range digests are
/// listed under the month they end in.
/// </summary>
internal static class ArchivePage
{
    public static byte[] Render(IReadOnlyList<DaySummary> days, SiteOptions options) =>
        Layout.Page(SitePaths.Archive, "All days", options, (sb, root) =>
        {
            sb.Append("<h1>All days</h1>\n<p class=\"lede\">").Append(Layout.Number(days.Count)).Append(days.Count == 1 ? " day" : " days")
              .Append(" in the archive. Darker days had a higher top score (reposts + likes).</p>\n");
            if (days.Count == 0) return;
            var singles = days.Where(d => d.Window.IsSingleDay).ToDictionary(d => d.Window.Start);
            var months = days.Select(d => new DateOnly(d.Window.End.Year, d.Window.End.Month, 1)).Distinct().OrderDescending().ToList();
            // Months jump list, grouped by year: the archive of three years is long on a phone.
            sb.Append("<nav class=\"years\" aria-label=\"Months\"><ul>");
            foreach (var year in months.GroupBy(m => m.Year))
            {
                sb.Append("<li><strong>").Append(year.Key).Append("</strong>: ");
                var first = true;
                foreach (var month in year.OrderBy(m => m))
                {
                    if (!first) sb.Append(' ');
                    first = false;
                    sb.Append("<a href=\"#").Append(MonthId(month)).Append("\">").Append(month.ToString("MMM", CultureInfo.InvariantCulture)).Append("</a>");
                }
                sb.Append("</li>");
            }
            sb.Append("</ul></nav>\n<div class=\"months\">\n");
            foreach (var month in months) AppendMonth(sb, month, singles, days, root);
            sb.Append("</div>\n");
        });

    public static string MonthId(DateOnly day) => day.ToString("'m'yyyy-MM", CultureInfo.InvariantCulture);

    private static void AppendMonth(StringBuilder sb, DateOnly month, Dictionary<DateOnly, DaySummary> singles, IReadOnlyList<DaySummary> days, string root)
    {
        var name = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        sb.Append("<section class=\"month\" id=\"").Append(MonthId(month)).Append("\" aria-labelledby=\"").Append(MonthId(month)).Append("-h\">\n<h2 id=\"")
          .Append(MonthId(month)).Append("-h\">").Append(name).Append("</h2>\n<table class=\"calendar\">\n<thead><tr>");
        foreach (var (abbr, full) in Weekdays) sb.Append("<th scope=\"col\" abbr=\"").Append(full).Append("\">").Append(abbr).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n<tr>");
        // Monday-first weeks, as arXiv announces Monday to Friday.
        var lead = ((int)month.DayOfWeek + 6) % 7;
        for (var i = 0; i < lead; i++) sb.Append("<td></td>");
        var daysInMonth = DateTime.DaysInMonth(month.Year, month.Month);
        for (var d = 1; d <= daysInMonth; d++)
        {
            var date = new DateOnly(month.Year, month.Month, d);
            if (d > 1 && (lead + d - 1) % 7 == 0) sb.Append("</tr>\n<tr>");
            if (singles.TryGetValue(date, out var day))
            {
                var papers = day.Papers.Count;
                sb.Append("<td class=\"heat").Append(Heat(day.TopScore)).Append("\"><a href=\"").Append(root).Append(SitePaths.Day(day.Window))
                  .Append("\" aria-label=\"").Append(Layout.Iso(date)).Append(": ").Append(papers).Append(papers == 1 ? " paper" : " papers");
                if (papers > 0) sb.Append(", top score ").Append(Layout.Number(day.TopScore));
                sb.Append("\">").Append(d).Append("</a></td>");
            }
            else
            {
                sb.Append("<td>").Append(d).Append("</td>");
            }
        }
        var trail = (7 - (lead + daysInMonth) % 7) % 7;
        for (var i = 0; i < trail; i++) sb.Append("<td></td>");
        sb.Append("</tr>\n</tbody>\n</table>\n");
        var ranges = days.Where(d => !d.Window.IsSingleDay && d.Window.End.Year == month.Year && d.Window.End.Month == month.Month).ToList();
        if (ranges.Count > 0)
        {
            sb.Append("<ul class=\"ranges\">");
            foreach (var range in ranges)
                sb.Append("<li><a href=\"").Append(root).Append(SitePaths.Day(range.Window)).Append("\">").Text(IndexPage.Heading(range)).Append("</a></li>");
            sb.Append("</ul>\n");
        }
        sb.Append("</section>\n");
    }

    private static readonly (string Abbr, string Full)[] Weekdays =
        [("Mo", "Monday"), ("Tu", "Tuesday"), ("We", "Wednesday"), ("Th", "Thursday"), ("Fr", "Friday"), ("Sa", "Saturday"), ("Su", "Sunday")];

    /// <summary>Shade by orders of magnitude of the top score: the counts are heavy-tailed.</summary>
    private static int Heat(int topScore) => topScore >= 1000 ? 3 : topScore >= 100 ? 2 : topScore > 0 ? 1 : 0;
}
