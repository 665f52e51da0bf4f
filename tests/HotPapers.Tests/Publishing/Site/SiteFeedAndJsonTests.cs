using System.ServiceModel.Syndication;
using System.Xml;
using HotPapers.Cli;
using HotPapers.Domain;
using HotPapers.Publishing.Site;
using Xunit;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>Acceptance 2: the feed is Atom that System.ServiceModel.Syndication reads; the day JSON is what <c>render --format json</c> writes.</summary>
public class SiteFeedAndJsonTests : SiteStoreTests
{
    private static readonly string[] SeedDays = ["2020-10-27", "2021-02-09", "2021-05-11", "2021-06-09", "2021-06-10"];

    [StoreFact]
    public void Feed_is_valid_Atom_with_one_entry_per_day_newest_first()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var outDir = site.Build();

        var feed = ReadAtom(Path.Combine(outDir, SitePaths.Feed));

        Assert.Equal("Hot Papers", feed.Title.Text);
        Assert.Equal(SeedDays.Reverse().Select(d => "Hot Papers " + d), feed.Items.Select(i => i.Title.Text));
        Assert.Equal(feed.Items.Count(), feed.Items.Select(i => i.Id).Distinct().Count());
        var june9 = feed.Items.Single(i => i.Title.Text == "Hot Papers 2021-06-09");
        Assert.Equal("urn:hotpapers:day:2021-06-09", june9.Id);
        Assert.Equal(new DateTimeOffset(2021, 6, 10, 18, 7, 48, TimeSpan.Zero), june9.LastUpdatedTime);
        Assert.Contains(june9.Links, l => l.RelationshipType == "alternate" && l.MediaType == "text/html" && l.Uri.OriginalString == "days/2021-06-09.html");
        var content = Assert.IsType<TextSyndicationContent>(june9.Content);
        Assert.Contains("A Survey of Transformers</a> (retweets: 17382, favorites: 49)", content.Text);
        Assert.Equal(feed.Items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
    }

    [StoreFact]
    public void Feed_with_a_base_url_has_absolute_links_and_ids()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var outDir = site.Build(new SiteOptions { BaseUrl = new Uri("https://papers.example.org/hot/") });

        var feed = ReadAtom(Path.Combine(outDir, SitePaths.Feed));

        Assert.Equal("https://papers.example.org/hot/feed.xml", feed.Id);
        var first = feed.Items.First();
        Assert.Equal("https://papers.example.org/hot/days/2021-06-10.html", first.Id);
        Assert.All(first.Links, l => Assert.True(l.Uri.IsAbsoluteUri, l.Uri.OriginalString));
    }

    [StoreFact]
    public async Task Day_json_is_byte_equal_to_render_format_json_for_imported_and_measured_days()
    {
        using var site = new TempSite(Backend).WithSeeds();
        // A day known only from snapshots (no stored digest): its generated_at comes from the pinned clock.
        var day = new DateOnly(2021, 7, 1);
        var at = new DateTimeOffset(2021, 7, 1, 9, 0, 0, TimeSpan.Zero);
        Synthetic.Add(site.Store, Synthetic.Paper("2107.00001", day, 1, title: "Measured paper"),
            (Synthetic.Post("1410000000000000001", "Great paper https://t.co/abc", at, [new PostEntity(EntityKind.Url, 12, 28, "https://t.co/abc")]), [(10, 20), (30, 40)]),
            (Synthetic.Post("1410000000000000002", "Also good", at.AddMinutes(5), handle: "other"), [(3, 30)]));
        Synthetic.Add(site.Store, Synthetic.Paper("2107.00002", day, 2, title: "Quiet paper"),
            (Synthetic.Post("1410000000000000003", "meh", at), [(1, 2)]));
        var now = TempSite.Now.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var siteDir = Path.Combine(site.Directory, "cli-site");
        var renderDir = Path.Combine(site.Directory, "render");

        Assert.Equal(0, await Cli(site, "--now", now, "site", "build", "--out", siteDir));
        foreach (var date in SeedDays.Append("2021-07-01"))
        {
            Assert.Equal(0, await Cli(site, "--now", now, "render", "--date", date, "--format", "json", "--out", renderDir));
            Golden.AssertSameBytes(
                File.ReadAllBytes(Path.Combine(renderDir, $"{date}---Hot-Papers.json")),
                File.ReadAllBytes(Path.Combine(siteDir, "api", "days", $"{date}.json")),
                $"api/days/{date}.json against render --format json");
        }
        Assert.Contains("\"title\": \"Measured paper\"", File.ReadAllText(Path.Combine(siteDir, "api", "days", "2021-07-01.json")));
    }

    [StoreFact]
    public void Every_served_file_is_byte_equal_to_the_built_one()
    {
        using var site = new TempSite(Backend).WithSeeds();
        Synthetic.Add(site.Store, Synthetic.Paper("hep-th/9901001", new DateOnly(2021, 6, 9), 500, title: "Old style"),
            (Synthetic.Post("1402600000000000009", "old but gold", new DateTimeOffset(2021, 6, 9, 1, 0, 0, TimeSpan.Zero)), [(30, 30)]));
        var options = new SiteOptions { DaysPerPage = 2, PapersPerCategoryPage = 10 };
        var outDir = site.Build(options);
        var model = site.Model(options);

        var files = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/'))
            .Where(f => f is not (SiteBuilder.Marker or SiteBuilder.ManifestFile))
            .ToList();
        Assert.Contains("index-1.html", files);
        Assert.Contains("categories/cs.LG-1.html", files);
        Assert.Contains("papers/hep-th_9901001.html", files);
        Assert.Contains("api/papers/hep-th_9901001.json", files);
        foreach (var file in files)
        {
            var served = model.Get(file);
            Assert.True(served is not null, $"the server has no {file}");
            Golden.AssertSameBytes(File.ReadAllBytes(Path.Combine(outDir, file)), served.Content, file);
        }
        Assert.Null(model.Get("index-4.html"));
        Assert.Null(model.Get("days/2021-06-08.html"));
        Assert.Null(model.Get("papers/2106.00000.html"));
        Assert.Null(model.Get("api/days/2021-06-09.html"));
        Assert.Null(model.Get("../store.db"));
        Assert.NotNull(model.Get("/"));
    }

    private static SyndicationFeed ReadAtom(string path)
    {
        using var reader = XmlReader.Create(path);
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "feed.xml is not an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static Task<int> Cli(TempSite site, params string[] args)
    {
        var output = new StringWriter();
        return HotPapersCli.RunAsync(["--db", site.DbPath, .. args], output, output);
    }
}
