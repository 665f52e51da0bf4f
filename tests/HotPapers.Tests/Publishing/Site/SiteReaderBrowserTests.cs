using HotPapers.Testing;
using Microsoft.Playwright;
using Xunit;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// The reader's site in chromium, at a desktop width and on a 390px phone: labelled scores in the index and
/// the table of contents, per-platform scores and permalinks, day-to-day navigation, the archive calendar,
/// folded abstracts, category names, the chart on time since announcement with its table fitting the phone,
/// the day's OpenGraph image, and search by title word, accent-folded word, arXiv:ID, abs URL and category.
/// No console error, failed or external request on any page; screenshots go to <c>docs/screenshots/</c>.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class SiteReaderBrowserTests
{
    [ChromiumFact]
    public async Task Reader_features_work_at_desktop_width_and_on_a_390px_phone()
    {
        using var site = new TempSite().WithSeeds().WithMeasuredDay();
        using var server = await ServeProcess.StartAsync(site.DbPath, TempSite.Now);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumFactAttribute.LaunchAsync(playwright);
        foreach (var (name, width, height) in new[] { ("desktop", 1100, 900), ("phone", 390, 844) })
            await Walk(browser, server.Address, name, width, height);
    }

    private static async Task Walk(IBrowser browser, Uri address, string device, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000); // a cap on waiting, not a performance claim: CI has two busy cores
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text} at {message.Location}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => problems.Add("dialog: " + dialog.Message);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(address.ToString(), StringComparison.Ordinal)) problems.Add("external request: " + request.Url);
        };
        string Url(string path) => new Uri(address, path).ToString();
        var phase = device + " start";
        try
        {
            phase = device + " index";
            await PageLoads.GoAsync(page, address.ToString());
            var top = await page.Locator("ol.days > li").Nth(2).Locator("ol.top li").First.InnerTextAsync();
            Assert.Equal("A Survey of Transformers score 17,431 (17,382 reposts + 49 likes)", top.Replace('\n', ' '));
            await FitsWidth(page, device);
            await Screenshot(page, "index", device);

            phase = device + " day page";
            await PageLoads.GoAsync(page, Url("days/2021-06-10.html"));
            Assert.Equal("../days/2021-06-09.html", await page.Locator("nav.day-nav a[rel=prev]").First.GetAttributeAsync("href"));
            Assert.Equal("../days/2021-06-11.html", await page.Locator("nav.day-nav a[rel=next]").First.GetAttributeAsync("href"));
            Assert.Matches("score [0-9,]+ \\([0-9,]+ reposts \\+ [0-9,]+ likes\\)$", (await page.Locator("nav.toc li").First.InnerTextAsync()).Replace('\n', ' '));
            var first = page.Locator("article.paper").First;
            Assert.False(await first.Locator("p.abstract").IsVisibleAsync(), "the abstract starts folded");
            await first.Locator("details.abstract-box summary").ClickAsync();
            Assert.True(await first.Locator("p.abstract").IsVisibleAsync(), "the abstract opens");
            await page.Locator("nav.day-nav a[rel=next]").First.ClickAsync();
            await PageLoads.ArrivedAsync(page, "**/days/2021-06-11.html");

            phase = device + " measured day";
            await SiteBrowserTests.CheckAccessibility(page);
            var measured = page.Locator("article.paper").First;
            Assert.Equal("Score 792 = X 540 (60 retweets, 480 likes) + Hacker News 150 (150 points) + Bluesky 102 (12 reposts, 90 likes)",
                (await measured.Locator(".score-line").InnerTextAsync()).Replace('\n', ' '));
            Assert.Contains("Computation and Language", await measured.Locator("ul.categories").InnerTextAsync());
            await measured.Locator("details.breakdown summary").ClickAsync();
            var permalinks = await measured.Locator("details.breakdown tbody td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
            Assert.Contains("https://bsky.app/profile/did%3Aplc%3Aabc123xyz/post/3kabcde2f", permalinks);
            Assert.Contains("https://news.ycombinator.com/item?id=27470001", permalinks);
            Assert.Contains("https://twitter.com/cafe_ml/status/1403000000000000001", permalinks);
            var image = await page.Locator("meta[property='og:image']").GetAttributeAsync("content");
            Assert.Equal("../og/2021-06-11.png", image);
            var png = await page.APIRequest.GetAsync(Url("og/2021-06-11.png"));
            Assert.Equal(200, png.Status);
            Assert.Equal("image/png", png.Headers["content-type"]);
            await FitsWidth(page, device);
            await Screenshot(page, "day", device);

            phase = device + " archive";
            await page.Locator("nav.day-nav a:not([rel])").First.ClickAsync();
            await PageLoads.ArrivedAsync(page, "**/archive.html#m2021-06");
            Assert.Equal(6, await page.Locator("table.calendar td a").CountAsync());
            await FitsWidth(page, device);
            await Screenshot(page, "archive", device);
            await page.Locator("table.calendar a[href='days/2021-06-09.html']").ClickAsync();
            await PageLoads.ArrivedAsync(page, "**/days/2021-06-09.html");
            // Folded abstracts are what keeps a 24-paper day short on a phone.
            var folded = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            var unfolded = await page.EvaluateAsync<int>("(() => { document.querySelectorAll('details.abstract-box').forEach(d => d.open = true); return document.documentElement.scrollHeight; })()");
            Assert.True(folded < unfolded * 0.8, $"{device}: the day is {folded}px tall folded and {unfolded}px with every abstract open");
            await PageLoads.GoAsync(page, Url("archive.html")); // without the month's fragment, where keyboard focus would start
            await SiteBrowserTests.CheckAccessibility(page);

            phase = device + " category";
            await PageLoads.GoAsync(page, Url("categories/cs.CL.html"));
            Assert.Equal("Computation and Language (cs.CL)", await page.Locator("h1").InnerTextAsync());
            await FitsWidth(page, device);

            phase = device + " paper";
            await PageLoads.GoAsync(page, Url("papers/2106.06001.html"));
            await SiteBrowserTests.CheckAccessibility(page);
            var ticks = await page.Locator("figure.chart svg text.axis").AllTextContentsAsync();
            Assert.Contains("time since announcement", ticks);
            Assert.Contains("5 yr", ticks);
            Assert.Equal(3, await page.Locator("table.history tbody tr").CountAsync());
            var clipped = await page.EvaluateAsync<int>("(() => { const t = document.querySelector('table.history'); return t.scrollWidth - t.clientWidth; })()");
            Assert.True(clipped <= 0, $"{device}: the history table is {clipped}px wider than its box");
            var scoreColumn = await page.EvaluateAsync<double>("document.querySelector('table.history tbody td:last-child').getBoundingClientRect().right");
            Assert.True(scoreColumn <= width, $"{device}: the Score column ends at {scoreColumn}px, past the {width}px screen");
            // Axis labels stay readable: at least 11 CSS pixels tall on screen.
            var labelHeight = await page.EvaluateAsync<double>("document.querySelector('figure.chart svg text.axis').getBoundingClientRect().height");
            Assert.True(labelHeight >= 11, $"{device}: chart labels are {labelHeight}px tall");
            await page.Locator("figure.chart").ScrollIntoViewIfNeededAsync();
            await FitsWidth(page, device);
            await Screenshot(page, "paper", device);

            phase = device + " search";
            await PageLoads.GoAsync(page, Url("search.html"));
            await page.Locator("#search-status", new() { HasText = "papers indexed" }).WaitForAsync();
            var byTitleWord = await Search(page, "transformers");
            Assert.Equal("A Survey of Transformers", byTitleWord[0]); // the highest score of the title matches
            Assert.Contains("Scaling Vision Transformers", byTitleWord);
            Assert.Equal(["Déjà Vu: Café Attention for Naïve Learners"], await Search(page, "deja vu naive"));
            Assert.Equal(["A Survey of Transformers"], await Search(page, "arXiv:2106.04554"));
            Assert.Equal(["A Survey of Transformers"], await Search(page, "https://arxiv.org/abs/2106.04554v2"));
            var inCategory = await Search(page, "cs.CL");
            Assert.Contains("Déjà Vu: Café Attention for Naïve Learners", inCategory);
            var scores = await page.Locator("#search-results li .score").AllInnerTextsAsync();
            var numbers = scores.Select(s => int.Parse(s.Trim()["score ".Length..].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.OrderDescending(), numbers);
            await Search(page, "computation language");
            await FitsWidth(page, device);
            await Screenshot(page, "search", device);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{phase} ({page.Url}): {e.Message}; problems so far: {string.Join("; ", problems)}", e);
        }
        finally
        {
            await context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Types a query and returns the result titles, in order.</summary>
    private static async Task<IReadOnlyList<string>> Search(IPage page, string query)
    {
        await page.Locator("#q").FillAsync(query);
        await page.Locator("#search-status", new() { HasText = "found" }).WaitForAsync();
        return await page.Locator("#search-results li > a").AllInnerTextsAsync();
    }

    private static async Task FitsWidth(IPage page, string device)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{device}: {page.Url} scrolls sideways by {overflow}px");
    }

    private static Task Screenshot(IPage page, string name, string device) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoRoot.Find(), "docs", "screenshots", $"{name}-{device}.png") });
}
