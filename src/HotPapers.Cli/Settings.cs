using System.Globalization;
using HotPapers.Arxiv;

namespace HotPapers.Cli;

/// <summary>
/// Settings from environment variables <c>HOTPAPERS_&lt;Section&gt;__&lt;Key&gt;</c> (the .NET configuration naming),
/// over documented defaults. The lookup is injected so tests never touch the process environment.
/// </summary>
internal sealed class Settings(Func<string, string?> environment)
{
    public static Settings FromProcess() => new(Environment.GetEnvironmentVariable);

    public string? Get(string section, string key)
    {
        var value = environment($"HOTPAPERS_{section}__{key}");
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public ArxivOptions Arxiv()
    {
        var defaults = new ArxivOptions();
        return new ArxivOptions
        {
            ListingBaseUrl = Get("Arxiv", "ListingBaseUrl") ?? defaults.ListingBaseUrl,
            ApiBaseUrl = Get("Arxiv", "ApiBaseUrl") ?? defaults.ApiBaseUrl,
            RssBaseUrl = Get("Arxiv", "RssBaseUrl") ?? defaults.RssBaseUrl,
            OaiBaseUrl = Get("Arxiv", "OaiBaseUrl") ?? defaults.OaiBaseUrl,
            Targets = Get("Arxiv", "Targets") is { } targets
                ? targets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : defaults.Targets,
            BatchSize = Int("Arxiv", "BatchSize") ?? defaults.BatchSize,
            ListingPageSize = Int("Arxiv", "ListingPageSize") ?? defaults.ListingPageSize,
            RequestSpacing = Seconds("Arxiv", "RequestSpacingSeconds") ?? defaults.RequestSpacing,
            MaxRetries = Int("Arxiv", "MaxRetries") ?? defaults.MaxRetries,
            InitialBackoff = Seconds("Arxiv", "InitialBackoffSeconds") ?? defaults.InitialBackoff,
            MaxBackoff = Seconds("Arxiv", "MaxBackoffSeconds") ?? defaults.MaxBackoff,
            RequestTimeout = Seconds("Arxiv", "RequestTimeoutSeconds") ?? defaults.RequestTimeout,
            UserAgent = Get("Arxiv", "UserAgent") ?? defaults.UserAgent,
        };
    }

    private int? Int(string section, string key) => Get(section, key) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(section, key, text, "an integer")
        : null;

    private TimeSpan? Seconds(string section, string key) => Get(section, key) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? TimeSpan.FromSeconds(s) : throw Bad(section, key, text, "a number of seconds")
        : null;

    private static ArgumentException Bad(string section, string key, string text, string expected) =>
        new($"HOTPAPERS_{section}__{key}: '{text}' is not {expected}");
}
