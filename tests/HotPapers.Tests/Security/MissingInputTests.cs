using HotPapers.Cli;
using HotPapers.Testing;

namespace HotPapers.Tests.Security;

/// <summary>
/// Inputs that are not there (issue 13, item 8): a store that does not exist is refused by the commands that only
/// read it (no empty store is made, no empty post written), and a directory given as a tweet file is named as such.
/// </summary>
public class MissingInputTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, _ => null);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("render", "render --date 2021-06-10 --out {out}")]
    [InlineData("site build", "site build --out {out}")]
    [InlineData("serve", "serve --port 0")]
    public async Task A_command_that_only_reads_refuses_a_store_that_does_not_exist(string name, string command)
    {
        using var dir = new TempDirectory();
        var db = dir.File("typo.db");
        var args = command.Replace("{out}", dir.File("out"), StringComparison.Ordinal).Split(' ').Concat(["--db", db]).ToArray();

        var (code, output, error) = await Run(args);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Equal($"hotpapers: {name}: the store {db} does not exist: give --db, or fill it first (import, collect or daily)\n", error);
        Assert.Equal("", output);
        Assert.False(File.Exists(db));
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task A_directory_given_to_import_tweets_is_named_as_a_directory()
    {
        using var dir = new TempDirectory();
        var folder = dir.File("dumps");
        Directory.CreateDirectory(folder);

        var (code, _, error) = await Run("import", "tweets", folder, "--db", dir.File("store.db"));

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Equal($"hotpapers: {folder}: is a directory; name the tweet files in it (for example {Path.Combine(folder, "*.jsonl")})\n", error);
    }
}
