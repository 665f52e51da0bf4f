using HotPapers.Store;

namespace HotPapers.Testing;

/// <summary>A fresh SQLite store in its own temporary folder, removed afterwards.</summary>
public sealed class TempStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hotpapers-test-").FullName;

    public string Path => System.IO.Path.Combine(_dir, "test.db");

    public HotPapersStore Open() => HotPapersStore.Open(Path);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

public static class TestData
{
    public static string PathOf(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
