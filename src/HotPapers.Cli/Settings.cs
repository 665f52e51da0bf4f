namespace HotPapers.Cli;

/// <summary>
/// Settings from the environment: <c>HOTPAPERS_&lt;Section&gt;__&lt;Key&gt;</c> (for example
/// <c>HOTPAPERS_Site__BaseUrl</c>). A command-line option, where there is one, wins over the environment.
/// </summary>
internal static class Settings
{
    public static string? Get(string section, string key)
    {
        var value = Environment.GetEnvironmentVariable($"HOTPAPERS_{section}__{key}");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
