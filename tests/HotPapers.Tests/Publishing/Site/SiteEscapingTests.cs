using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HotPapers.Domain;
using HotPapers.Publishing.Site;
using Xunit;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// Acceptance 3: hostile titles, authors, abstracts, categories and post text show as text everywhere; no
/// <c>javascript:</c> (or any non-http) link target becomes a live link; no attribute is broken out of.
/// Every built page is parsed as a browser would parse it, and its elements checked.
/// </summary>
public class SiteEscapingTests : SiteStoreTests
{
    private const string Title = "<script>alert(1)</script> \"Quotes\" & 'apostrophes' </textarea><b>bold</b>\u0001";
    private const string Abstract = "<img src=x onerror=alert(3)> & </p><p>fake paragraph</p> <!-- comment -->";
    private static readonly string[] Authors = ["</textarea><script>alert(2)</script>", "O'Brien & \"Q\" <i>"];
    private const string PostText = "<script>alert(6)</script> see javascript:alert(7) & 'quotes' \"dq\"\n@evil #tag";
    private const string HostileId = "2106.06666";

    [StoreFact]
    public void Hostile_text_shows_as_text_and_no_page_has_inline_script_handlers_or_unsafe_links()
    {
        using var site = HostileSite();
        var outDir = site.Build();
        var parser = new HtmlParser();

        foreach (var file in Directory.EnumerateFiles(outDir, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var name = Path.GetRelativePath(outDir, file);
            foreach (var script in document.Scripts)
                Assert.True(script.Source == "assets/search.js" && name == "search.html", $"{name}: unexpected script element {script.OuterHtml}");
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{name}: event handler attribute {attribute.Name} on <{element.LocalName}>");
                var target = element.GetAttribute("href") ?? element.GetAttribute("src") ?? element.GetAttribute("cite");
                if (target is not null && target != "data:,") Assert.True(IsSafeTarget(target), $"{name}: unsafe link target '{target}' on <{element.LocalName}>");
            }
            Assert.Empty(document.QuerySelectorAll("main img, main iframe, main textarea, main b, main i"));
        }

        var day = parser.ParseDocument(File.ReadAllText(Path.Combine(outDir, "days", "2021-06-09.html")));
        var article = day.QuerySelectorAll("article.paper").Single(a => a.QuerySelector("h2")!.TextContent.Contains("alert(1)"));
        Assert.Equal("1. " + Title, article.QuerySelector("h2")!.TextContent);
        Assert.Equal(string.Join(", ", Authors), article.QuerySelector(".authors")!.TextContent);
        Assert.Equal(Abstract, article.QuerySelector(".abstract")!.TextContent);
        var quote = article.QuerySelector("figure.post blockquote")!;
        Assert.Equal(PostText.Replace("\n", ""), quote.TextContent);
        Assert.Null(quote.GetAttribute("onclick"));
        // The stored lang and dir are not a language tag and a direction, so they are left out or defaulted.
        Assert.Null(quote.QuerySelector("p")!.GetAttribute("lang"));
        Assert.Equal("auto", quote.QuerySelector("p")!.GetAttribute("dir"));
        // The abs and pdf targets are javascript: URLs: shown as words, not links.
        var links = article.QuerySelector(".links")!;
        Assert.Equal("abs | pdf", links.TextContent);
        Assert.Empty(links.QuerySelectorAll("a"));
        // The URL entity points at javascript:, so its text stays text; the mention links to the escaped handle.
        Assert.DoesNotContain(quote.QuerySelectorAll("a"), a => a.TextContent.Contains("javascript"));
        Assert.Contains(quote.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://twitter.com/evil%22onmouseover%3Dalert%289%29");
        Assert.Equal("<b>Bold</b>", article.QuerySelector("figure.post .name")!.TextContent);
        Assert.Equal("(@x\"y)", article.QuerySelector("figure.post .handle")!.TextContent);

        var paper = parser.ParseDocument(File.ReadAllText(Path.Combine(outDir, "papers", HostileId + ".html")));
        Assert.Equal(Title, paper.QuerySelector("h1")!.TextContent);
        Assert.Equal(Title, paper.Title);
        var category = paper.QuerySelector("ul.categories a")!;
        Assert.Equal("cs.LG\"><script>", category.TextContent);
        Assert.True(File.Exists(Path.Combine(outDir, category.GetAttribute("href")!.Replace("../", ""))), "the hostile category's page exists under its encoded name");
    }

    [StoreFact]
    public void Hostile_text_survives_the_feed_and_the_json_unchanged()
    {
        using var site = HostileSite();
        var outDir = site.Build();

        using var reader = XmlReader.Create(Path.Combine(outDir, SitePaths.Feed));
        var feed = SyndicationFeed.Load(reader);
        var entry = feed.Items.Single(i => i.Title.Text == "Hot Papers 2021-06-09");
        var html = ((TextSyndicationContent)entry.Content).Text;
        var content = new HtmlParser().ParseFragment(html, new HtmlParser().ParseDocument("").Body!);
        Assert.Empty(content.OfType<IElement>().SelectMany(e => e.QuerySelectorAll("script, b")));
        Assert.Contains(content, n => n.TextContent.Contains(Title.TrimEnd('\u0001')));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "api", "papers", HostileId + ".json")));
        Assert.Equal(Title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(PostText, json.RootElement.GetProperty("posts")[0].GetProperty("text").GetString());
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, SitePaths.SearchIndex)));
        Assert.Contains(index.RootElement.GetProperty("papers").EnumerateArray(), p => p.GetProperty("t").GetString() == Title);
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2106.04554", true)]
    [InlineData("http://example.org/a?b=c&d=e", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    public void Only_absolute_http_urls_become_link_targets(string url, bool safe) =>
        Assert.Equal(safe, Html.SafeUrl(url) is not null);

    private static bool IsSafeTarget(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri.Scheme is "http" or "https" : !target.Contains(':') && !target.StartsWith("//", StringComparison.Ordinal);

    private TempSite HostileSite()
    {
        var site = new TempSite(Backend).WithSeeds();
        var text = PostText;
        var url = text.IndexOf("javascript:alert(7)", StringComparison.Ordinal);
        var mention = text.IndexOf("@evil", StringComparison.Ordinal);
        var tag = text.IndexOf("#tag", StringComparison.Ordinal);
        var post = new SocialPost(SocialPost.X, "1402600000000000066", "x\"y", "<b>Bold</b>", new DateTimeOffset(2021, 6, 9, 8, 0, 0, TimeSpan.Zero),
            "en\" onclick=\"alert(10)", "ltr\" onmouseover=\"alert(11)", text,
            [
                new PostEntity(EntityKind.Url, url, url + "javascript:alert(7)".Length, "javascript:alert(8)"),
                new PostEntity(EntityKind.Mention, mention, mention + 5, "evil\"onmouseover=alert(9)"),
                new PostEntity(EntityKind.Hashtag, tag, tag + 4, "tag\"><script>"),
            ]);
        Synthetic.Add(site.Store,
            Synthetic.Paper(HostileId, new DateOnly(2021, 6, 9), 1000, title: Title, abs: "javascript:alert(4)", pdf: "javascript:alert(5)",
                abstractText: Abstract, authors: Authors, subjects: [new Subject("cs.LG\"><script>", "Evil <b>name</b>")]),
            (post, [(50_000, 50_000)]));
        return site;
    }
}
