using AngleSharp.Html.Parser;
using HotPapers.Domain;
using HotPapers.Publishing.Site;
using Xunit;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// What a reader needs beyond the numbers: labelled scores per platform, permalinks for every platform,
/// navigation between days and an archive, folded abstracts, category names, a chart on time since
/// announcement, and feed timestamps that a rebuild does not move.
/// </summary>
public sealed class SiteReaderTests
{
    private static readonly DigestWindow June11 = DigestWindow.Day(new DateOnly(2021, 6, 11));

    [Fact]
    public void Day_page_labels_the_score_per_platform_in_its_own_words_and_links_every_post()
    {
        using var site = new TempSite().WithMeasuredDay();
        var model = site.Model();

        var page = new HtmlParser().ParseDocument(model.DayPage(model.Day(June11)).Text);

        var article = page.QuerySelector("article.paper")!;
        var line = article.QuerySelector(".score-line")!.TextContent;
        // The latest counts: X 60 + 480, Bluesky 12 + 90, Hacker News 150 points.
        Assert.Equal("Score 792 = X 540 (60 retweets, 480 likes) + Hacker News 150 (150 points) + Bluesky 102 (12 reposts, 90 likes)", line);
        var links = article.QuerySelectorAll("details.breakdown tbody td:first-child a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
        [
            "https://twitter.com/cafe_ml/status/1403000000000000001",
            "https://news.ycombinator.com/item?id=27470001",
            "https://bsky.app/profile/did%3Aplc%3Aabc123xyz/post/3kabcde2f",
        ], links);
        var toc = page.QuerySelector("nav.toc li")!.TextContent;
        Assert.EndsWith("score 792 (72 reposts + 720 likes)", toc);
    }

    [Fact]
    public void Post_snapshots_on_the_paper_page_link_their_permalink_and_use_the_platform_words()
    {
        using var site = new TempSite().WithMeasuredDay();
        var model = site.Model();

        var page = new HtmlParser().ParseDocument(model.PaperPage(model.Paper(ArxivId.Parse("2106.06001"))!).Text);

        var captions = page.QuerySelectorAll("figure.post figcaption").ToDictionary(c => c.QuerySelector(".handle")!.TextContent, c => c);
        Assert.Equal("https://bsky.app/profile/did%3Aplc%3Aabc123xyz/post/3kabcde2f", captions["(@deja.bsky.social)"].QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("12 reposts, 90 likes", captions["(@deja.bsky.social)"].TextContent);
        Assert.Equal("https://news.ycombinator.com/item?id=27470001", captions["(@pg_fan)"].QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("150 points", captions["(@pg_fan)"].TextContent);
        Assert.EndsWith("60 retweets, 480 likes", captions["(@cafe_ml)"].TextContent);
    }

    [Theory]
    [InlineData("bluesky", "at://did:plc:x/app.bsky.feed.like/1", null)]
    [InlineData("bluesky", "not-a-uri", null)]
    [InlineData("hackernews", "12a", null)]
    [InlineData("mastodon", "1", null)]
    [InlineData("bluesky", "at://did:plc:x/app.bsky.feed.post/3k", "https://bsky.app/profile/did%3Aplc%3Ax/post/3k")]
    public void Permalinks_are_made_only_from_ids_of_the_platform_shape(string platform, string id, string? expected) =>
        Assert.Equal(expected, PlatformLabels.Permalink(Synthetic.Post(id, "t", DateTimeOffset.UnixEpoch, platform: platform)));

    [Fact]
    public void Day_pages_link_the_days_before_and_after_and_the_archive_has_every_day_in_a_calendar()
    {
        using var site = new TempSite().WithSeeds().WithMeasuredDay();
        var model = site.Model();
        var parser = new HtmlParser();

        var june10 = parser.ParseDocument(model.Get("days/2021-06-10.html")!.Text);
        var newest = parser.ParseDocument(model.Get("days/2021-06-11.html")!.Text);
        var archive = parser.ParseDocument(model.Get(SitePaths.Archive)!.Text);

        Assert.Equal("../days/2021-06-09.html", june10.QuerySelector("nav.day-nav a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../days/2021-06-11.html", june10.QuerySelector("nav.day-nav a[rel=next]")!.GetAttribute("href"));
        Assert.Null(newest.QuerySelector("nav.day-nav a[rel=next]"));
        Assert.Equal("../archive.html#m2021-06", newest.QuerySelector("nav.day-nav a:not([rel])")!.GetAttribute("href"));
        var days = archive.QuerySelectorAll("table.calendar td a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["days/2021-06-09.html", "days/2021-06-10.html", "days/2021-06-11.html", "days/2021-05-11.html", "days/2021-02-09.html", "days/2020-10-27.html"], days);
        var june9 = archive.QuerySelector("a[href='days/2021-06-09.html']")!;
        Assert.StartsWith("2021-06-09: ", june9.GetAttribute("aria-label"));
        Assert.Equal("heat3", june9.ParentElement!.ClassName);
        // June 2021 starts on a Tuesday: one empty cell before the 1st in a Monday-first week.
        var firstWeek = archive.QuerySelector("#m2021-06 tbody tr")!.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["", "1", "2", "3", "4", "5", "6"], firstWeek);
    }

    [Fact]
    public void Abstracts_are_folded_and_categories_carry_their_names()
    {
        using var site = new TempSite().WithMeasuredDay();
        var model = site.Model();

        var page = new HtmlParser().ParseDocument(model.DayPage(model.Day(June11)).Text);

        var box = page.QuerySelector("article.paper details.abstract-box")!;
        Assert.False(box.HasAttribute("open"));
        Assert.Equal("Abstract", box.QuerySelector("summary")!.TextContent);
        Assert.StartsWith("We study attention.", box.QuerySelector("p.abstract")!.TextContent);
        Assert.Equal(["cs.CL Computation and Language", "stat.ML Machine Learning"],
            page.QuerySelectorAll("article.paper ul.categories li").Select(li => li.TextContent));
        var index = new HtmlParser().ParseDocument(model.Get(SitePaths.Categories)!.Text);
        Assert.Contains("cs.CL Computation and Language (1)", index.QuerySelectorAll("ul.category-list li").Select(li => li.TextContent));
    }

    [Fact]
    public void History_keeps_one_point_per_minute_and_the_chart_measures_time_since_announcement()
    {
        using var site = new TempSite().WithMeasuredDay();
        var model = site.Model();
        var view = model.Paper(ArxivId.Parse("2106.06001"))!;

        var page = new HtmlParser().ParseDocument(model.PaperPage(view).Text);

        // Announced 2021-06-10 20:00 US Eastern = 2021-06-11 00:00 UTC; snapshots at +7 h (three, seconds apart), +31 h, +5 yr.
        Assert.Equal(new DateTimeOffset(2021, 6, 11, 0, 0, 0, TimeSpan.Zero), view.AnnouncedAt);
        var rows = page.QuerySelectorAll("table.history tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent))).ToList();
        Assert.Equal(["2021-06-11 07:00|7 h|52|540|592", "2021-06-12 07:00|31 h|67|650|717", "2026-06-11 01:00|5 yr|72|720|792"], rows);
        var svg = page.QuerySelector("figure.chart svg")!;
        var ticks = svg.QuerySelectorAll("text.axis").Select(t => t.TextContent).ToList();
        Assert.Contains("1 d", ticks);
        Assert.Contains("5 yr", ticks);
        Assert.Contains("time since announcement", ticks);
        var xs = svg.QuerySelectorAll("circle.measured").Select(c => double.Parse(c.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(xs[0] < xs[1] && xs[1] < xs[2], string.Join(",", xs));
        // Log scale: the first day takes a real share of the width, not a sliver beside five years.
        Assert.True(xs[1] - 72 > (xs[2] - 72) * 0.3, string.Join(",", xs));
    }

    [Fact]
    public void Feed_timestamps_do_not_move_when_the_site_is_rebuilt_later()
    {
        using var site = new TempSite().WithSeeds().WithMeasuredDay();

        var first = site.Model().Feed(site.Model().Windows().Select(w => site.Model().Day(w).Summary()).ToList()).Text;
        var laterModel = new SiteModel(site.Store, new PinnedClock(TempSite.Now.AddDays(3)), TimeZoneInfo.Utc, new SiteOptions());
        var later = laterModel.Feed(laterModel.Windows().Select(w => laterModel.Day(w).Summary()).ToList()).Text;

        Assert.Equal(first, later);
        // A day without a stored digest is as new as its newest measurement.
        Assert.Contains("<updated>2026-06-11T01:00:00+00:00</updated>", first);
    }

    [Fact]
    public void Each_day_has_an_opengraph_image_its_page_points_at()
    {
        using var site = new TempSite().WithSeeds().WithMeasuredDay();
        var outDir = site.Build(new SiteOptions { BaseUrl = new Uri("https://papers.example.org/hot/") });

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(outDir, "days", "2021-06-09.html")));
        Assert.Equal("https://papers.example.org/hot/og/2021-06-09.png", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("Hot Papers 2021-06-09", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.StartsWith("24 papers; top: A Survey of Transformers (score 17,431)", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));

        var png = File.ReadAllBytes(Path.Combine(outDir, "og", "2021-06-09.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(site.Model().Windows().Count, Directory.GetFiles(Path.Combine(outDir, "og"), "*.png").Length);
        // Two days with different papers give different images.
        Assert.NotEqual(png, File.ReadAllBytes(Path.Combine(outDir, "og", "2021-06-10.png")));
    }

    [Fact]
    public void Pixel_font_draws_accented_titles_as_capitals_and_blanks_what_it_cannot()
    {
        Assert.Equal("DEJA VU: CAFE  ", PixelFont.Drawable("Déjà vu: café ∑"));
    }
}
