using HotPapers.Domain;
using HotPapers.Testing;
using Microsoft.Playwright;
using Xunit;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// Acceptance 1: the seeds served by <c>hotpapers serve</c>, read in Debian's chromium through Playwright: the
/// index, a day, a paper and the search, with the visible title, the R/F numbers and an embed's text checked,
/// no console error, and screenshots saved under <c>docs/screenshots/</c>.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class SiteBrowserTests
{
    [ChromiumFact]
    public async Task Serve_seeds_index_day_paper_and_search_read_well_in_chromium()
    {
        using var site = new TempSite().WithSeeds();
        using var server = await ServeProcess.StartAsync(site.DbPath, TempSite.Now);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumFactAttribute.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000); // a cap on waiting, not a performance claim: CI has two busy cores
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text} at {message.Location}"); };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => problems.Add("dialog: " + dialog.Message);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal)) problems.Add("external request: " + request.Url);
        };

        // Which part of the walk a time-out happened in, with the page it was on: a stall on CI must say where.
        var phase = "start";
        try
        {
            phase = "index";
            await PageLoads.GoAsync(page, server.Address.ToString());
            Assert.Equal("Hot Papers", await page.TitleAsync());
            await Screenshot(page, "index.png");
            await CheckAccessibility(page);

            phase = "day page";
            await page.GetByRole(AriaRole.Link, new() { Name = "Hot Papers 2021-06-09", Exact = true }).ClickAsync();
            await PageLoads.ArrivedAsync(page, "**/days/2021-06-09.html");
            Assert.Equal("Hot Papers 2021-06-09", await page.Locator("h1").InnerTextAsync());
            var first = page.Locator("article.paper").First;
            Assert.Equal("1. A Survey of Transformers", await first.Locator("h2").InnerTextAsync());
            Assert.StartsWith("retweets: 17382, favorites: 49", await first.Locator(".stats").InnerTextAsync());
            Assert.Contains("A comprehensive overview of Transformer variants.", await first.Locator("figure.post blockquote").First.InnerTextAsync());
            await page.EvaluateAsync("document.getElementById('p1').scrollIntoView()");
            await Screenshot(page, "day.png");
            await CheckAccessibility(page);

            phase = "paper page";
            await first.GetByRole(AriaRole.Link, new() { Name = "A Survey of Transformers" }).ClickAsync();
            await PageLoads.ArrivedAsync(page, "**/papers/2106.04554.html");
            Assert.Equal("A Survey of Transformers", await page.Locator("h1").InnerTextAsync());
            Assert.Equal(1, await page.Locator("figure.chart svg[role=img]").CountAsync());
            Assert.Contains("17,382", await page.Locator("table.history").InnerTextAsync());
            await Screenshot(page, "paper.png");
            await CheckAccessibility(page);

            phase = "search page";
            await PageLoads.GoAsync(page, new Uri(server.Address, "search.html?q=vision+transformers").ToString());
            await page.Locator("#search-results li").First.WaitForAsync();
            Assert.Contains("Scaling Vision Transformers", await page.Locator("#search-results").InnerTextAsync());
            await Screenshot(page, "search.png");
            await CheckAccessibility(page);

            // A phone: the day page must fit the width without sideways scrolling.
            phase = "phone width";
            await page.SetViewportSizeAsync(390, 844);
            await PageLoads.GoAsync(page, new Uri(server.Address, "days/2021-06-09.html").ToString());
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the day page scrolls sideways by {overflow}px on a 390px-wide screen");
            await Screenshot(page, "day-phone.png");

            // The server reads the store per request: a paper stored now, with a hostile title, shows at once, as text.
            Synthetic.Add(site.Store, Synthetic.Paper("2106.09999", new DateOnly(2021, 6, 9), 999, title: "<script>alert('x')</script> & \"Quoted\" </textarea>"),
                (Synthetic.Post("1402600000000000001", "Look <img src=x onerror=alert(1)> at this", new DateTimeOffset(2021, 6, 9, 10, 0, 0, TimeSpan.Zero)), [(40, 60)]));
            phase = "hostile paper after reload";
            await page.ReloadAsync();
            var hostile = page.Locator("article.paper h2", new() { HasText = "alert('x')" });
            Assert.Matches("^[0-9]+\\. <script>alert\\('x'\\)</script> & \"Quoted\" </textarea>$", await hostile.InnerTextAsync());
            Assert.Contains("Look <img src=x onerror=alert(1)> at this", await page.Locator("article.paper", new() { HasText = "alert('x')" }).Locator("blockquote").InnerTextAsync());
            Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{phase} ({page.Url}): {e.Message}; problems so far: {string.Join("; ", problems)}", e);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The structural checks a screen-reader user relies on: the language, one h1, no skipped heading level,
    /// every image-like element named, and the skip link first in the tab order, moving focus to the content.
    /// </summary>
    internal static async Task CheckAccessibility(IPage page)
    {
        var url = page.Url;
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var levels = await page.EvaluateAsync<int[]>("Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => +h.tagName[1])");
        for (var i = 1; i < levels.Length; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"{url}: heading h{levels[i]} follows h{levels[i - 1]}");
        Assert.Equal(0, await page.Locator("img:not([alt]), svg[role=img]:not([aria-labelledby]), input:not([id])").CountAsync());
        await page.EvaluateAsync("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoRoot.Find(), "docs", "screenshots", name) });
}

/// <summary>The repository root (the folder holding HotPapers.slnx), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HotPapers.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("HotPapers.slnx not found above " + AppContext.BaseDirectory);
    }
}
