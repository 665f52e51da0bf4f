namespace HotPapers.Tests;

/// <summary>Paths to the test data copied beside the test assembly.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    public static IEnumerable<string> SeedFiles() => Directory.EnumerateFiles(Path("seeds"), "*.md").Order(StringComparer.Ordinal);

    /// <summary>First line where two multi-line texts differ, for golden-comparison failure messages.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}:\nexpected: {el}\nactual:   {al}";
        }
        return "identical";
    }
}
