using System.Reflection;
using System.Text.RegularExpressions;

namespace HotPapers.Cli;

/// <summary>
/// The settings HotPapers reads, taken from the reference itself (docs/configuration.md, embedded at build), so
/// the list cannot drift from the documentation; a test keeps the documentation true to the code.
/// </summary>
internal static partial class KnownSettings
{
    public static IReadOnlySet<string> Keys { get; } = Load();

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HotPapers.Cli.configuration.md")
            ?? throw new InvalidOperationException("the settings reference is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return new HashSet<string>(TableKey().Matches(text).Select(m => m.Groups["key"].Value), StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^\| `(?<key>[A-Z][A-Za-z]*:[A-Z][A-Za-z]*)`", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
