using Microsoft.Playwright;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// Navigation for the browser tests that does not hang on a missed event. Now and then (seen once in several CI-like
/// runs on two busy cores) Playwright waited 60 s for a page's <c>load</c> event that it never reported, although the
/// page was complete and the network idle. So a test waits for the navigation to commit, then for <c>load</c>; if that
/// is not reported within a while, network idle (no request for 500 ms, every stylesheet and script in) stands for it.
/// </summary>
internal static class PageLoads
{
    private static readonly PageWaitForLoadStateOptions LoadWait = new() { Timeout = 15_000 };

    public static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await SettledAsync(page);
    }

    /// <summary>After a click that navigates: the new page's address, then the page done loading.</summary>
    public static async Task ArrivedAsync(IPage page, string urlGlob)
    {
        await page.WaitForURLAsync(urlGlob, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await SettledAsync(page);
    }

    private static async Task SettledAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, LoadWait);
        }
        catch (TimeoutException)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
    }
}
