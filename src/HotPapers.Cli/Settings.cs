using System.CommandLine;
using System.Globalization;
using HotPapers.Arxiv;
using HotPapers.Social.Bluesky;
using HotPapers.Social.HackerNews;
using HotPapers.Social.X;
using Microsoft.Extensions.Configuration;

namespace HotPapers.Cli;

/// <summary>
/// The standard .NET layering, lowest first: <c>appsettings.json</c> in the working directory, environment
/// variables <c>HOTPAPERS_&lt;Section&gt;__&lt;Key&gt;</c> (the .NET spelling of <c>Section:Key</c>), then
/// <c>--setting Section:Key=VALUE</c> on the command line. docs/configuration.md lists every key with its default.
/// Secrets are read here and passed on, never printed.
/// </summary>
internal sealed class Settings
{
    public const string Prefix = "HOTPAPERS_";

    public static readonly Option<string[]> Overrides = new("--setting")
    {
        Description = "Override a setting: Section:Key=VALUE, e.g. --setting Arxiv:ApiBaseUrl=http://127.0.0.1:8080 (repeatable).",
        Recursive = true,
        CustomParser = result =>
        {
            var values = result.Tokens.Select(t => t.Value).ToArray();
            foreach (var value in values.Where(v => !v.Contains('=')))
                result.AddError($"--setting: '{value}' is not Section:Key=VALUE");
            return values;
        },
    };

    private readonly IConfiguration _file;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<string, string> _overrides;

    public Settings(IConfiguration file, Func<string, string?> environment, IEnumerable<string> overrides)
    {
        _file = file;
        _environment = environment;
        _overrides = overrides.Select(v => v.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
    }

    public static Settings Load(ParseResult parsed, Func<string, string?>? environment = null)
    {
        var file = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .Build();
        return new Settings(file, environment ?? Environment.GetEnvironmentVariable, parsed.GetValue(Overrides) ?? []);
    }

    public string? Get(string section, string key)
    {
        if (_overrides.TryGetValue($"{section}:{key}", out var value) && value.Length > 0) return value;
        if (_environment($"{Prefix}{section}__{key}") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return _file[$"{section}:{key}"] is { Length: > 0 } fromFile ? fromFile : null;
    }

    public Uri Url(string section, string key, string fallback)
    {
        var text = Get(section, key) ?? fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new SettingsException($"{section}:{key} ({Prefix}{section}__{key}): '{text}' is not an absolute URL");
    }

    public int Int(string section, string key, int fallback)
    {
        var text = Get(section, key);
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SettingsException($"{section}:{key} ({Prefix}{section}__{key}): '{text}' is not a whole number");
    }

    /// <summary>The time zone that dates and the front matter are in: <c>Daily:TimeZone</c> (IANA id), else the machine's.</summary>
    public TimeZoneInfo TimeZone()
    {
        if (Get("Daily", "TimeZone") is not { } id) return TimeZoneInfo.Local;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new SettingsException($"Daily:TimeZone ({Prefix}Daily__TimeZone): '{id}' is not a time zone id such as Europe/Paris");
        }
    }

    /// <summary>Seconds, possibly fractional (<c>0.5</c>); never negative.</summary>
    public TimeSpan Seconds(string section, string key, TimeSpan fallback)
    {
        var text = Get(section, key);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new SettingsException($"{section}:{key} ({Prefix}{section}__{key}): '{text}' is not a number of seconds");
    }

    /// <summary>A comma-separated list, e.g. <c>cs,stat.ML</c>.</summary>
    public IReadOnlyList<string>? List(string section, string key) =>
        Get(section, key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ArxivOptions Arxiv()
    {
        var defaults = new ArxivOptions();
        var options = new ArxivOptions
        {
            ListingBaseUrl = Url("Arxiv", "ListingBaseUrl", defaults.ListingBaseUrl).ToString().TrimEnd('/'),
            ApiBaseUrl = Url("Arxiv", "ApiBaseUrl", defaults.ApiBaseUrl).ToString(),
            RssBaseUrl = Url("Arxiv", "RssBaseUrl", defaults.RssBaseUrl).ToString().TrimEnd('/'),
            OaiBaseUrl = Url("Arxiv", "OaiBaseUrl", defaults.OaiBaseUrl).ToString(),
            Targets = List("Arxiv", "Targets") ?? defaults.Targets,
            BatchSize = Int("Arxiv", "BatchSize", defaults.BatchSize),
            ListingPageSize = Int("Arxiv", "ListingPageSize", defaults.ListingPageSize),
            RequestSpacing = Seconds("Arxiv", "RequestSpacingSeconds", defaults.RequestSpacing),
            MaxRetries = Int("Arxiv", "MaxRetries", defaults.MaxRetries),
            InitialBackoff = Seconds("Arxiv", "InitialBackoffSeconds", defaults.InitialBackoff),
            MaxBackoff = Seconds("Arxiv", "MaxBackoffSeconds", defaults.MaxBackoff),
            RequestTimeout = Seconds("Arxiv", "RequestTimeoutSeconds", defaults.RequestTimeout),
            UserAgent = Get("Arxiv", "UserAgent") ?? defaults.UserAgent,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new SettingsException(e.Message);
        }
        return options;
    }

    public XOptions X()
    {
        var defaults = new XOptions();
        return new XOptions
        {
            ApiBaseUrl = Url("X", "ApiBaseUrl", XOptions.DefaultApiBaseUrl).ToString().TrimEnd('/'),
            OEmbedUrl = Url("X", "OEmbedUrl", XOptions.DefaultOEmbedUrl).ToString(),
            BearerToken = Get("X", "BearerToken"),
            ReadBudget = Int("X", "ReadBudget", defaults.ReadBudget),
            MaxQueryLength = Int("X", "MaxQueryLength", defaults.MaxQueryLength),
            MaxResults = Int("X", "MaxResults", defaults.MaxResults),
            MaxRateLimitWaits = Int("X", "MaxRateLimitWaits", defaults.MaxRateLimitWaits),
            MaxRateLimitWait = Seconds("X", "MaxRateLimitWaitSeconds", defaults.MaxRateLimitWait),
            RequestTimeout = Seconds("X", "RequestTimeoutSeconds", defaults.RequestTimeout),
        };
    }

    public BlueskyOptions Bluesky() => new()
    {
        ApiBaseUrl = Url("Bluesky", "ApiBaseUrl", BlueskyOptions.DefaultApiBaseUrl),
        JetstreamUrl = Url("Bluesky", "JetstreamUrl", JetstreamOptions.DefaultUrl),
        Handle = Get("Bluesky", "Handle"),
        AppPassword = Get("Bluesky", "AppPassword"),
    };

    public HackerNewsOptions HackerNews() => new()
    {
        ApiBaseUrl = Url("HackerNews", "ApiBaseUrl", HackerNewsOptions.DefaultApiBaseUrl),
    };
}

/// <summary>A setting that cannot be used, named by its key and environment variable.</summary>
internal sealed class SettingsException(string message) : Exception(message);
