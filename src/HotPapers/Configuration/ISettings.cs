namespace HotPapers.Configuration;

/// <summary>
/// Where a component reads its settings from: <c>Section:Key</c> pairs, already layered by the host (the CLI layers
/// <c>appsettings.json</c>, <c>HOTPAPERS_Section__Key</c> environment variables and <c>--setting</c>). The typed readers
/// are in <see cref="SettingsReading"/>; a platform reads its own section with them, so adding one touches no host code.
/// </summary>
public interface ISettings
{
    /// <summary>The value, or null when unset or empty.</summary>
    string? Get(string section, string key);
}

/// <summary>A setting that cannot be used, named by its key and environment variable; the message is one line.</summary>
public sealed class SettingsException(string message) : Exception(message);
