using System.CommandLine;
using HotPapers.Arxiv;
using HotPapers.Configuration;
using HotPapers.Ranking;
using HotPapers.Social;
using Microsoft.Extensions.Configuration;

namespace HotPapers.Cli;

/// <summary>
/// The standard .NET layering, lowest first: <c>appsettings.json</c> in the working directory, environment
/// variables <c>HOTPAPERS_&lt;Section&gt;__&lt;Key&gt;</c> (the .NET spelling of <c>Section:Key</c>), then
/// <c>--setting Section:Key=VALUE</c> on the command line. docs/configuration.md lists every key with its default.
/// Secrets are read here and passed on, never printed.
/// </summary>
internal sealed class Settings : ISettings
{
    public const string Prefix = SettingsReading.EnvironmentPrefix;

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

    /// <param name="warn">Takes one line per configured key HotPapers does not read (a typo, most often).</param>
    public static Settings Load(ParseResult parsed, Func<string, string?>? environment = null, Action<string>? warn = null)
    {
        var file = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .Build();
        var settings = new Settings(file, environment ?? Environment.GetEnvironmentVariable, parsed.GetValue(Overrides) ?? []);
        if (warn is not null)
        {
            // The process environment is only listed when it is the real one (tests pass a lookup function).
            var fromEnvironment = environment is null ? EnvironmentKeys() : [];
            foreach (var (key, origin) in settings.ConfiguredKeys(fromEnvironment).Where(k => !KnownSettings.Keys.Contains(k.Key)))
                warn($"hotpapers: warning: {origin} sets '{key}', which no command reads (see docs/configuration.md)");
        }
        return settings;
    }

    /// <summary>Every key set in appsettings.json, the given environment keys and --setting, with where it was set.</summary>
    private IEnumerable<(string Key, string Origin)> ConfiguredKeys(IEnumerable<string> environmentKeys)
    {
        foreach (var section in _file.GetChildren())
            foreach (var key in section.GetChildren())
                yield return ($"{section.Key}:{key.Key}", "appsettings.json");
        foreach (var key in environmentKeys) yield return (key, "the environment");
        foreach (var key in _overrides.Keys) yield return (key, "--setting");
    }

    private static List<string> EnvironmentKeys() =>
        Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.Contains("__", StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal))
            .ToList();

    public string? Get(string section, string key)
    {
        if (_overrides.TryGetValue($"{section}:{key}", out var value) && value.Length > 0) return value;
        if (_environment($"{Prefix}{section}__{key}") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return _file[$"{section}:{key}"] is { Length: > 0 } fromFile ? fromFile : null;
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

    public ArxivOptions Arxiv()
    {
        var defaults = new ArxivOptions();
        var options = new ArxivOptions
        {
            ListingBaseUrl = this.Url("Arxiv", "ListingBaseUrl", defaults.ListingBaseUrl).ToString().TrimEnd('/'),
            ApiBaseUrl = this.Url("Arxiv", "ApiBaseUrl", defaults.ApiBaseUrl).ToString(),
            RssBaseUrl = this.Url("Arxiv", "RssBaseUrl", defaults.RssBaseUrl).ToString().TrimEnd('/'),
            OaiBaseUrl = this.Url("Arxiv", "OaiBaseUrl", defaults.OaiBaseUrl).ToString(),
            Targets = this.List("Arxiv", "Targets") ?? defaults.Targets,
            BatchSize = this.Int("Arxiv", "BatchSize", defaults.BatchSize),
            ListingPageSize = this.Int("Arxiv", "ListingPageSize", defaults.ListingPageSize),
            RequestSpacing = this.Seconds("Arxiv", "RequestSpacingSeconds", defaults.RequestSpacing),
            MaxRetries = this.Int("Arxiv", "MaxRetries", defaults.MaxRetries),
            InitialBackoff = this.Seconds("Arxiv", "InitialBackoffSeconds", defaults.InitialBackoff),
            MaxBackoff = this.Seconds("Arxiv", "MaxBackoffSeconds", defaults.MaxBackoff),
            RequestTimeout = this.Seconds("Arxiv", "RequestTimeoutSeconds", defaults.RequestTimeout),
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

    /// <summary>
    /// The classic post's rules (<c>Classic</c> section): thresholds, and the platforms that count in R/F and are
    /// embedded, each checked against the registry (a store name such as <c>hackernews</c> or a source name such as <c>hn</c>).
    /// <paramref name="defaultPlatforms"/> replaces the default (<c>x</c>) when the setting is unset.
    /// </summary>
    public ClassicOptions Classic(PlatformRegistry platforms, IReadOnlyList<string>? defaultPlatforms = null)
    {
        var defaults = new ClassicOptions();
        IReadOnlyList<string> chosen = defaults.Platforms;
        if ((this.List("Classic", "Platforms") ?? defaultPlatforms) is { } names)
        {
            try
            {
                chosen = names.Select(n => platforms.Platform(n).Platform).Distinct().ToList();
            }
            catch (SettingsException e)
            {
                throw new SettingsException($"{SettingsReading.Name("Classic", "Platforms")}: {e.Message}");
            }
            if (chosen.Count == 0) throw new SettingsException($"{SettingsReading.Name("Classic", "Platforms")}: name at least one platform");
        }
        return new ClassicOptions
        {
            PaperThreshold = this.Int("Classic", "PaperThreshold", defaults.PaperThreshold),
            PostThreshold = this.Int("Classic", "PostThreshold", defaults.PostThreshold),
            MaxPosts = this.Int("Classic", "MaxPosts", defaults.MaxPosts),
            Platforms = chosen,
        };
    }
}
