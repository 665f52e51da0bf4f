using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HotPapers.Domain;
using HotPapers.Publishing.Site;
using HotPapers.Store;
using Xunit;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>The day's score breakdown, the paper's history, paths for old-style ids, paging, and the build's folder handling.</summary>
public class SitePagesTests : SiteStoreTests
{
    private static readonly DateTimeOffset T0 = new(2021, 7, 1, 8, 0, 0, TimeSpan.Zero);

    [StoreFact]
    public void Measured_day_breaks_each_paper_score_down_by_post_and_says_what_was_counted()
    {
        using var site = new TempSite(Backend);
        var day = new DateOnly(2021, 7, 1);
        Synthetic.Add(site.Store, Synthetic.Paper("2107.00001", day, 1, title: "Measured"),
            (Synthetic.Post("1", "big", T0, handle: "big"), [(10, 20), (40, 50)]),
            (Synthetic.Post("2", "small", T0.AddMinutes(1), handle: "small"), [(2, 3)]),
            (Synthetic.Post("3", "rt", T0.AddMinutes(2), handle: "rt", repostOf: "1"), [(40, 50)]));

        var page = new HtmlParser().ParseDocument(site.Model().DayPage(site.Model().Day(DigestWindow.Day(day))).Text);

        var article = page.QuerySelector("article.paper")!;
        Assert.Equal("retweets: 42, favorites: 53", article.QuerySelector(".stats")!.TextContent.Split(" (")[0]);
        var rows = article.QuerySelectorAll("details.breakdown tbody tr")
            .Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent)))
            .ToList();
        Assert.Equal(
        [
            "@big, 2021-07-01|X|40|50|90|yes",
            "@small, 2021-07-01|X|2|3|5|no",
            "@rt, 2021-07-01|X|40|50|0 (repost)|no",
        ], rows);
        Assert.Equal("Total|42|53|95|", string.Join("|", article.QuerySelectorAll("details.breakdown tfoot tr > *").Select(c => c.TextContent)));
        Assert.Single(article.QuerySelectorAll("figure.post"));
    }

    [StoreFact]
    public void Imported_day_says_plainly_that_only_paper_totals_are_known()
    {
        using var site = new TempSite(Backend).WithSeeds();

        var page = new HtmlParser().ParseDocument(site.Model().DayPage(site.Model().Day(DigestWindow.Day(new DateOnly(2021, 6, 9)))).Text);

        var first = page.QuerySelector("article.paper details.breakdown")!;
        Assert.StartsWith("Only the paper's totals are known for this day: the published post printed 17,382 retweets and 49 favorites.", first.QuerySelector("p")!.TextContent);
        Assert.Empty(first.QuerySelectorAll("table"));
    }

    [StoreFact]
    public void History_sums_the_latest_counts_of_original_posts_at_each_snapshot_time_and_keeps_printed_totals_apart()
    {
        var a = Synthetic.Post("a", "a", T0);
        var b = Synthetic.Post("b", "b", T0);
        var rt = Synthetic.Post("rt", "rt", T0, repostOf: "a");
        EngagementSnapshot Snap(SocialPost p, int r, int l, int hour) => new(p.Platform, p.PostId, r, l, T0.AddHours(hour));
        var activity = new PaperActivity(
        [
            new LinkedPost(a, [Snap(a, 10, 20, 1), Snap(a, 12, 30, 3)], null),
            new LinkedPost(b, [Snap(b, 5, 5, 2)], null),
            new LinkedPost(rt, [Snap(rt, 100, 100, 2)], null),
        ], [new ReportedTotals("2021-07-01", 7, 8, new DateTime(2021, 7, 1, 12, 30, 0))]);

        var history = EngagementHistory.Of(activity, TimeZoneInfo.Utc);

        Assert.Equal(
        [
            new HistoryPoint(T0.AddHours(1), 10, 20, null),
            new HistoryPoint(T0.AddHours(2), 15, 25, null),
            new HistoryPoint(T0.AddHours(3), 17, 35, null),
            new HistoryPoint(new DateTimeOffset(2021, 7, 1, 12, 30, 0, TimeSpan.Zero), 7, 8, "2021-07-01"),
        ], history);
    }

    [StoreFact]
    public void Paper_page_draws_the_history_as_an_accessible_inline_svg()
    {
        using var site = new TempSite(Backend);
        Synthetic.Add(site.Store, Synthetic.Paper("2107.00001", new DateOnly(2021, 7, 1), 1),
            (Synthetic.Post("1", "one", T0), [(10, 20), (40, 50), (45, 60)]));

        var view = site.Model().Paper(ArxivId.Parse("2107.00001"))!;
        var page = new HtmlParser().ParseDocument(site.Model().PaperPage(view).Text);

        var svg = page.QuerySelector("figure.chart svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("chart-title chart-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Contains("3 measurements", page.GetElementById("chart-desc")!.TextContent);
        Assert.Equal(3, svg.QuerySelectorAll("circle.measured").Length);
        Assert.Equal(3, svg.QuerySelector("polyline.measured")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(["30", "90", "105"], page.QuerySelectorAll("table.history tbody tr td:last-child").Select(c => c.TextContent));
    }

    [StoreFact]
    public void Old_style_ids_get_safe_file_names_that_map_back()
    {
        var id = ArxivId.Parse("hep-th/9901001");
        Assert.Equal("papers/hep-th_9901001.html", SitePaths.Paper(id));
        Assert.Equal("api/papers/hep-th_9901001.json", SitePaths.PaperJson(id));
        Assert.True(SitePaths.TryParsePaperKey("hep-th_9901001", out var back));
        Assert.Equal(id, back);
        Assert.True(SitePaths.TryParsePaperKey("2106.04554", out var modern));
        Assert.Equal("2106.04554", modern.Value);
        Assert.False(SitePaths.TryParsePaperKey("2106.04554v2", out _));
        Assert.False(SitePaths.TryParsePaperKey("..", out _));
    }

    [Theory]
    [InlineData("cs.LG", "cs.LG")]
    [InlineData("math-ph", "math-ph")]
    [InlineData("q-bio.NC", "q-bio.NC")]
    [InlineData("../etc", "x2e2e2f657463")]
    [InlineData("x1f", "x783166")]
    public void Category_codes_become_file_names_that_map_back(string code, string key)
    {
        Assert.Equal(key, SitePaths.CategoryKey(code));
        Assert.True(SitePaths.TryParseCategoryKey(key, out var back));
        Assert.Equal(code, back);
    }

    [StoreFact]
    public void Index_is_paged_newest_first_with_older_pages_numbered_from_the_oldest()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var model = site.Model(new SiteOptions { DaysPerPage = 2 });
        static List<string> Days(IDocument page) => page.QuerySelectorAll("ol.days > li > h2").Select(h => h.TextContent).ToList();

        // Five days, two a page: the oldest two make page 1; the front page holds the other three.
        var first = new HtmlParser().ParseDocument(model.Get("index.html")!.Text);
        var oldest = new HtmlParser().ParseDocument(model.Get("index-1.html")!.Text);
        Assert.Null(model.Get("index-2.html"));
        Assert.Null(model.Get("index-01.html"));

        Assert.Equal(3, Days(first).Count);
        Assert.Equal(["Hot Papers 2021-06-10", "Hot Papers 2021-06-09"], Days(first).Take(2));
        Assert.Equal(2, Days(oldest).Count);
        Assert.Equal("Hot Papers 2020-10-27", Days(oldest)[^1]);
        Assert.Equal("index-1.html", first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("index.html", oldest.QuerySelector("nav.pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(oldest.QuerySelector("nav.pager a[rel=next]"));
        Assert.Equal("Hot Papers, page 1", oldest.Title);

        // A sixth day goes to the front page; page 1 keeps its days, and its bytes but the "Newer" link, which now names page 2.
        var before = model.Get("index-1.html")!.Text;
        Synthetic.Add(site.Store, Synthetic.Paper("2106.09001", new DateOnly(2021, 6, 20), 1),
            (Synthetic.Post("1409000000000000001", "new", new DateTimeOffset(2021, 6, 20, 9, 0, 0, TimeSpan.Zero)), [(10, 400)]));
        var after = model.Get("index-1.html")!.Text;
        Assert.Equal(before.Replace("rel=\"prev\" href=\"index.html\"", "rel=\"prev\" href=\"index-2.html\"", StringComparison.Ordinal), after);
        Assert.Equal(2, Days(new HtmlParser().ParseDocument(model.Get("index-2.html")!.Text)).Count);
    }

    [StoreFact]
    public void Build_refuses_a_folder_it_did_not_build_and_replaces_its_own()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var foreign = Path.Combine(site.Directory, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.tex"), "precious");

        var error = Assert.Throws<IOException>(() => new SiteBuilder(site.Model()).Build(foreign));
        Assert.Contains("not built by hotpapers", error.Message);
        Assert.True(File.Exists(Path.Combine(foreign, "thesis.tex")));

        var outDir = site.Build();
        File.WriteAllText(Path.Combine(outDir, "stale.html"), "old");
        site.Build();
        Assert.False(File.Exists(Path.Combine(outDir, "stale.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
        Assert.DoesNotContain(Directory.EnumerateDirectories(site.Directory), d => Path.GetFileName(d).StartsWith("site.", StringComparison.Ordinal));
    }
}

/// <summary>The site commands' usage errors and the widgets option.</summary>
public class SiteCommandTests : SiteStoreTests
{
    [StoreFact]
    public async Task Bad_base_url_is_bad_usage_and_a_foreign_folder_is_a_failure()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var foreign = Path.Combine(site.Directory, "mine");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "keep me");
        var error = new StringWriter();

        Assert.Equal(2, await HotPapers.Cli.HotPapersCli.RunAsync(["--db", site.DbPath, "site", "build", "--out", Path.Combine(site.Directory, "o"), "--base-url", "javascript:alert(1)"], TextWriter.Null, error));
        Assert.Contains("--base-url", error.ToString());
        Assert.Equal(1, await HotPapers.Cli.HotPapersCli.RunAsync(["--db", site.DbPath, "site", "build", "--out", foreign], TextWriter.Null, error));
        Assert.Contains("not built by hotpapers site build", error.ToString());
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(foreign, "notes.txt")));
    }

    [StoreFact]
    public void Widget_script_is_loaded_only_when_asked_for()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var window = DigestWindow.Day(new DateOnly(2021, 6, 9));

        var plain = site.Model().DayPage(site.Model().Day(window)).Text;
        var withWidgets = site.Model(new SiteOptions { Widgets = true }).DayPage(site.Model(new SiteOptions { Widgets = true }).Day(window)).Text;

        Assert.DoesNotContain("platform.twitter.com", plain);
        Assert.DoesNotContain("twitter-tweet", plain);
        Assert.Contains("<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>", withWidgets);
        var document = new HtmlParser().ParseDocument(withWidgets);
        Assert.All(document.QuerySelectorAll("blockquote.twitter-tweet"), q => Assert.NotNull(q.QuerySelector("a.status[href^='https://twitter.com/']")));
        Assert.Equal(document.QuerySelectorAll("figure.post").Length, document.QuerySelectorAll("blockquote.twitter-tweet").Length);
    }
}
