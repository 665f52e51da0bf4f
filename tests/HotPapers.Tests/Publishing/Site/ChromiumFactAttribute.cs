using Microsoft.Playwright;
using Xunit;
namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// A browser test: skipped, with the reason, when Debian's chromium is not installed (never passed silently).
/// <c>.ci/run</c> installs it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"chromium is not installed at {ChromiumPath} (apt-get install -y chromium; .ci/run does this)";
    }

    /// <summary>
    /// Debian's chromium, headless, without the background networking a closed network refuses (the machine's notes),
    /// as every browser test launches it.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
