using HotPapers.Publishing.Site;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>The full build's file writer: exact bytes in a new file, and never over a file that is already there.</summary>
public sealed class StagingFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hotpapers-staging-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Writes_the_bytes_of_small_empty_and_large_files()
    {
        var large = new byte[3 * 1024 * 1024 + 17];
        new Random(14).NextBytes(large);
        var files = new Dictionary<string, byte[]> { ["small.html"] = "<p>é</p>\n"u8.ToArray(), ["empty.json"] = [], ["large.png"] = large };
        foreach (var (name, bytes) in files) StagingFile.Write(Path.Combine(_folder.FullName, name), bytes);

        foreach (var (name, bytes) in files) Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_folder.FullName, name)));
    }

    [Fact]
    public void Refuses_to_replace_a_file_and_leaves_it_as_it_was()
    {
        var path = Path.Combine(_folder.FullName, "day.html");
        File.WriteAllText(path, "first");

        var error = Assert.ThrowsAny<IOException>(() => StagingFile.Write(path, "second"u8));

        Assert.Contains("day.html", error.Message);
        Assert.Equal("first", File.ReadAllText(path));
    }

    [Fact]
    public void Names_the_path_when_its_folder_is_missing()
    {
        var path = Path.Combine(_folder.FullName, "no-such-folder", "paper.json");

        var error = Assert.ThrowsAny<IOException>(() => StagingFile.Write(path, "{}"u8));

        Assert.Contains("paper.json", error.Message);
    }
}
