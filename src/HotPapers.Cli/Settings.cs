<<<<<<< HEAD
using System.CommandLine;
using Microsoft.Extensions.Configuration;
=======
using HotPapers.Social.Bluesky;
using HotPapers.Social.HackerNews;
>>>>>>> bsky

namespace HotPapers.Cli;

/// <summary>
<<<<<<< HEAD
/// The standard .NET layering: <c>appsettings.json</c> in the working directory, then environment variables
/// prefixed <c>HOTPAPERS_</c> (<c>HOTPAPERS_X__BearerToken</c> sets <c>X:BearerToken</c>), then
/// <c>--setting KEY=VALUE</c> on the command line. docs/configuration.md lists every key.
/// </summary>
internal static class Settings
{
    public static readonly Option<string[]> Overrides = new("--setting")
    {
        Description = "Override a setting: KEY=VALUE, e.g. --setting Arxiv:ApiBaseUrl=http://127.0.0.1:8080 (repeatable).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var values = result.Tokens.Select(t => t.Value).ToArray();
            foreach (var value in values.Where(v => !v.Contains('=')))
                result.AddError($"--setting: '{value}' is not KEY=VALUE");
            return values;
        },
    };

    public static IConfiguration Load(ParseResult parsed)
    {
        var overrides = (parsed.GetValue(Overrides) ?? [])
            .Select(v => v.Split('=', 2))
            .Where(p => p.Length == 2)
            .Select(p => new KeyValuePair<string, string?>(p[0], p[1]));
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("HOTPAPERS_")
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Binds a section onto an options object whose defaults are its property initialisers.</summary>
    public static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    /// <summary>The time zone that dates and the front matter are in: <c>Daily:TimeZone</c> (IANA id), else the machine's.</summary>
    public static TimeZoneInfo TimeZone(IConfiguration configuration) =>
        configuration["Daily:TimeZone"] is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Local;
}
=======
/// Settings from environment variables <c>HOTPAPERS_&lt;Section&gt;__&lt;Key&gt;</c> (the .NET convention for
/// <c>Section:Key</c>), each with a documented default. Secrets are read here and passed on, never printed.
/// </summary>
internal sealed class Settings
{
    public const string Prefix = "HOTPAPERS_";

    private readonly Func<string, string?> _environment;

    public Settings(Func<string, string?> environment) => _environment = environment;

    public static Settings FromProcess() => new(Environment.GetEnvironmentVariable);

    private string? Get(string section, string key) =>
        _environment($"{Prefix}{section}__{key}") is { Length: > 0 } value ? value : null;

    private Uri Url(string section, string key, string fallback)
    {
        var text = Get(section, key) ?? fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new SettingsException($"{Prefix}{section}__{key}: '{text}' is not an absolute URL");
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

/// <summary>A setting that cannot be used, named by its environment variable.</summary>
internal sealed class SettingsException(string message) : Exception(message);
>>>>>>> bsky
