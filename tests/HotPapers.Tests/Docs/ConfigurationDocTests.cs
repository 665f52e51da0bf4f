using System.Text.RegularExpressions;

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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HotPapers.slnx"))) return dir.FullName;
        throw new InvalidOperationException("no HotPapers.slnx above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(?:Get|Int|Url|Seconds|List)\(""(?<section>[A-Z][A-Za-z]+)"", ""(?<key>[A-Z][A-Za-z]+)""")]
    private static partial Regex SettingRead();
}
