using HotPapers.Tests.Publishing.Site;

namespace HotPapers.Tests.Store;

/// <summary>Only the backends know which database the store runs on: no other code names a database driver.</summary>
public sealed class StoreSeamTests
{
    [Fact]
    public void No_source_outside_the_store_backends_names_a_database_driver()
    {
        var src = Path.Combine(RepoRoot.Find(), "src");
        var backends = Path.Combine(src, "HotPapers", "Store", "Backends") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(backends, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Contains("Npgsql", StringComparison.Ordinal) || x.line.Contains("Microsoft.Data.Sqlite", StringComparison.Ordinal)
                || x.line.Contains("SqliteConnection", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "database drivers named outside Store/Backends:\n" + string.Join('\n', offenders));
    }
}
