using HotPapers.Cli;

namespace HotPapers.Tests.Cli;

/// <summary>Values typed on the command line: lowercase choices, any case accepted, errors in the user's words.</summary>
public sealed class OptionValuesTests
{
    private static async Task<(int Code, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, _ => null);
        return (code, error.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("render --date 2021-06-10 --out o --format Gatsbyy", "--format: 'Gatsbyy' is not one of gatsby, json")]
    [InlineData("render --date 2021-06-10 --out o --embeds foo", "--embeds: 'foo' is not one of stored, snapshot")]
    [InlineData("collect arxiv --date 2021-06-10 --source bar", "--source: 'bar' is not one of listing, rss, oai")]
    [InlineData("render --date 2021-06-10 --out o --paper-threshold abc", "--paper-threshold: 'abc' is not a whole number")]
    [InlineData("serve --port eighty", "--port: 'eighty' is not a whole number")]
    public async Task A_bad_value_is_one_line_without_a_dotnet_type_name(string command, string expected)
    {
        var (code, error) = await Run(command.Split(' '));

        Assert.Equal(2, code);
        Assert.StartsWith($"hotpapers: {expected}\n", error);
        Assert.DoesNotContain("HotPapers.", error);
        Assert.DoesNotContain("System.", error);
    }

    [Fact]
    public async Task Help_lists_the_values_in_lowercase()
    {
        var output = new StringWriter();
        await HotPapersCli.RunAsync(["render", "--help"], output, new StringWriter(), _ => null);

        Assert.Contains("--format <gatsby|json>", output.ToString());
        Assert.Contains("--embeds <stored|snapshot>", output.ToString());
    }

    [Fact]
    public async Task Any_case_is_accepted()
    {
        using var dir = new HotPapers.Testing.TempDirectory();
        HotPapers.Store.HotPapersStore.Open(dir.File("h.db")).Dispose(); // render reads a store; it never creates one
        var (code, error) = await Run("--db", dir.File("h.db"), "render", "--date", "2021-06-10", "--out", dir.File("o"), "--format", "JSON", "--embeds", "Snapshot");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(dir.File("o/2021-06-10---Hot-Papers.json")));
    }
}
