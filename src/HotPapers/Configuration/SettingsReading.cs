using System.Globalization;

namespace HotPapers.Configuration;

/// <summary>
/// Typed reads over <see cref="ISettings"/>. Each error names the key and its environment variable
/// (<c>HOTPAPERS_Section__Key</c>), never the value of a secret (secrets are only ever read as strings).
/// </summary>
public static class SettingsReading
{
    public const string EnvironmentPrefix = "HOTPAPERS_";

    public static string Name(string section, string key) => $"{section}:{key} ({EnvironmentPrefix}{section}__{key})";

    public static Uri Url(this ISettings settings, string section, string key, string fallback)
    {
        var text = settings.Get(section, key) ?? fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new SettingsException($"{Name(section, key)}: '{text}' is not an absolute URL");
    }

    public static int Int(this ISettings settings, string section, string key, int fallback)
    {
        var text = settings.Get(section, key);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SettingsException($"{Name(section, key)}: '{text}' is not a whole number");
    }

    /// <summary>Seconds, possibly fractional (<c>0.5</c>); never negative.</summary>
    public static TimeSpan Seconds(this ISettings settings, string section, string key, TimeSpan fallback)
    {
        var text = settings.Get(section, key);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new SettingsException($"{Name(section, key)}: '{text}' is not a number of seconds");
    }

    /// <summary>A comma-separated list, e.g. <c>cs,stat.ML</c>; null when unset.</summary>
    public static IReadOnlyList<string>? List(this ISettings settings, string section, string key) =>
        settings.Get(section, key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
