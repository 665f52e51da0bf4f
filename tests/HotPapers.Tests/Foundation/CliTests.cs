using HotPapers.Cli;
using HotPapers.Testing;

namespace HotPapers.Tests.Foundation;

/// <summary>The command line as users call it: exit codes, messages, files written.</summary>
public class CliTests
{
    [Fact]
    public async Task Import_then_render_writes_the_seed_and_reports_what_it_did()
    {
        using var dir = new TempDirectory();
        var db = dir.File("cli.db");
        var (code, output, _) = await Run("--db", db, "import", "posts", Seeds.Directory);
        Assert.Equal(0, code);
        Assert.Contains("5 of 5 posts imported: 103 papers, 126 embeds.", output);

        (code, output, _) = await Run("--db", db, "render", "--date", "2021-06-10", "--out", dir.File("out"), "--embeds", "snapshot");
        Assert.Equal(0, code);
        Golden.AssertSameBytes(Seeds.Bytes("2021-06-10"), File.ReadAllBytes(dir.File("out/2021-06-10---Hot-Papers.md")), "CLI render");
    }

    [Fact]
    public async Task A_bad_file_fails_with_its_line_while_the_good_ones_import()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.md");
        await File.WriteAllTextAsync(bad, "---\ntitle: Hot Papers 2021-06-10\ndate: yesterday\n");
        var (code, output, error) = await Run("--db", dir.File("cli.db"), "import", "posts", bad, Seeds.PathOf("2021-06-10"));
        Assert.Equal(1, code);
        Assert.Contains($"{bad}:3: expected 'date: YYYY-MM-DDTHH:MM:SS.Z'", error);
        Assert.Contains("1 of 2 posts imported", output);
    }

    [Theory]
    [InlineData("render", "--date", "2021-13-01", "--out", "x")]
    [InlineData("render", "--out", "x")]
    [InlineData("render", "--date", "2021-06-10", "--out", "x", "--format", "pdf")]
    [InlineData("no-such-command")]
    public async Task Bad_usage_exits_with_2(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Contains("hotpapers:", error);
    }

    [Fact]
    public async Task A_new_digest_takes_its_date_from_the_pinned_clock()
    {
        using var dir = new TempDirectory();
        HotPapers.Store.HotPapersStore.Open(dir.File("cli.db")).Dispose(); // render refuses a store that does not exist
        var (code, _, _) = await Run("--db", dir.File("cli.db"), "--now", "2021-06-11T09:50:30", "render", "--date", "2021-06-10", "--out", dir.File("out"));
        Assert.Equal(0, code);
        var text = await File.ReadAllTextAsync(dir.File("out/2021-06-10---Hot-Papers.md"));
        Assert.Contains("\ndate: 2021-06-11T09:50:30.Z\n", text);
        Assert.EndsWith("---\n", text);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
