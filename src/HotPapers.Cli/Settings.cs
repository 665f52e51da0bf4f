using HotPapers.Social.Bluesky;
using HotPapers.Social.HackerNews;

namespace HotPapers.Cli;

/// <summary>
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
