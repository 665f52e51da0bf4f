using System.Text.RegularExpressions;
using HotPapers.Configuration;
using HotPapers.Social;

namespace HotPapers.Tests.Docs;

/// <summary>docs/configuration.md must list every setting the code reads, so the reference cannot go stale.</summary>
public sealed partial class ConfigurationDocTests
{
    [Fact]
    public void Every_setting_read_in_the_code_is_documented_with_its_environment_variable()
    {
        var root = RepositoryRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "configuration.md"));
        var keys = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => SettingRead().Matches(File.ReadAllText(file)).Select(m => (m.Groups["section"].Value, m.Groups["key"].Value)))
            .Distinct()
            .ToList();
        Assert.True(keys.Count >= 30, $"only {keys.Count} settings found: the pattern no longer matches the code");
        var missing = keys.Where(k => !doc.Contains($"`{k.Item1}:{k.Item2}`", StringComparison.Ordinal)
            || !doc.Contains($"HOTPAPERS_{k.Item1}__{k.Item2}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/configuration.md: " + string.Join(", ", missing.Select(k => $"{k.Item1}:{k.Item2}")));
    }

    /// <summary>
    /// What the platforms read through shared readers (each section's HTTP policy: <c>TimeoutSeconds</c>, <c>MaxRetries</c>…)
    /// has no literal key at the call site, so the pattern above cannot see it: build every registered platform's source
    /// and embed fetcher on settings that record each key asked for, and look those up in the reference.
    /// </summary>
    [Fact]
    public void Every_setting_a_registered_platform_reads_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "configuration.md"));
        var asked = new RecordingSettings();
        using var http = new HttpClient();
        var services = new SourceServices(_ => http, asked, TimeProvider.System, TimeZoneInfo.Utc, Offline: true);
        foreach (var platform in PlatformRegistry.Default.All)
        {
            platform.CreateSource(services);
            platform.CreateEmbedFetcher?.Invoke(services);
            platform.MissingSecret?.Invoke(asked);
        }
        Assert.Contains(("X", "MaxRetries"), asked.Keys); // the shared HTTP policy reader was reached
        var missing = asked.Keys.Where(k => !doc.Contains($"`{k.Section}:{k.Key}`", StringComparison.Ordinal)
            || !doc.Contains($"HOTPAPERS_{k.Section}__{k.Key}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/configuration.md: " + string.Join(", ", missing.Select(k => $"{k.Section}:{k.Key}")));
    }

    private sealed class RecordingSettings : ISettings
    {
        public HashSet<(string Section, string Key)> Keys { get; } = [];

        public string? Get(string section, string key)
        {
            Keys.Add((section, key));
            return null;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HotPapers.slnx"))) return dir.FullName;
        throw new InvalidOperationException("no HotPapers.slnx above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(?:Get|Int|Url|Seconds|List)\(""(?<section>[A-Z][A-Za-z]+)"", ""(?<key>[A-Z][A-Za-z]+)""")]
    private static partial Regex SettingRead();
}
