using HotPapers.Configuration;

namespace HotPapers.Http;

/// <summary>
/// A source's resilience policy read from its settings section: <c>&lt;Section&gt;:TimeoutSeconds</c>,
/// <c>MaxRetries</c>, <c>InitialBackoffSeconds</c>, <c>MaxBackoffSeconds</c> (docs/resilience.md). Each platform reads
/// its own section through this, so a new platform gets the policy and its settings with no host code.
/// </summary>
public static class SourceHttpSettings
{
    private static readonly SourceHttpOptions Defaults = new() { Source = "" };

    /// <param name="source">The short name that starts every retry line (<c>x</c>, <c>bluesky</c>, <c>hn</c>).</param>
    /// <param name="retryRateLimited">False when the source's own client waits out 429 (X, Bluesky).</param>
    public static SourceHttpOptions Read(ISettings settings, string section, string source, bool retryRateLimited = true)
    {
        var options = new SourceHttpOptions
        {
            Source = source,
            AttemptTimeout = settings.Seconds(section, "TimeoutSeconds", Defaults.AttemptTimeout),
            MaxRetries = settings.Int(section, "MaxRetries", Defaults.MaxRetries),
            InitialBackoff = settings.Seconds(section, "InitialBackoffSeconds", Defaults.InitialBackoff),
            MaxBackoff = settings.Seconds(section, "MaxBackoffSeconds", Defaults.MaxBackoff),
            RetryRateLimited = retryRateLimited,
        };
        try
        {
            options.Validate(section);
        }
        catch (ArgumentException e)
        {
            throw new SettingsException(e.Message);
        }
        return options;
    }
}
