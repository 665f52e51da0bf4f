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
}
