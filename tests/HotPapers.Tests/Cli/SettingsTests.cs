using HotPapers.Cli;
using HotPapers.Tests.Social;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Cli;

/// <summary>The composition root's settings: known keys only, the Classic section honoured by render.</summary>
public sealed class SettingsTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, _ => null);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_misspelt_key_is_warned_about_by_name_without_its_value_and_the_command_still_runs()
    {
        using var temp = new TempStore();
        using (var store = temp.Open()) await MixedPlatformsDay.FillAsync(store);

        var (code, _, error) = await Run("--db", temp.Path, "render", "--date", "2024-01-09", "--out", temp.Path + "-out",
            "--setting", "Classic:PaperTreshold=10", "--setting", "X:BearerTokn=secret-token-value", "--setting", "Classic:MaxPosts=3");

        Assert.Equal(0, code);
        Assert.Contains("hotpapers: warning: --setting sets 'Classic:PaperTreshold', which no command reads (see docs/configuration.md)", error);
        Assert.Contains("'X:BearerTokn'", error);
        Assert.DoesNotContain("secret-token-value", error);
        Assert.DoesNotContain("Classic:MaxPosts", error);
    }

    [Fact]
    public async Task Render_takes_the_classic_thresholds_from_settings_and_its_options_win()
    {
        using var temp = new TempStore();
        using (var store = temp.Open()) await MixedPlatformsDay.FillAsync(store);
        string Post(string dir) => File.ReadAllText(Path.Combine(dir, "2024-01-09---Hot-Papers.md"));

        var (code, _, error) = await Run("--db", temp.Path, "render", "--date", "2024-01-09", "--out", temp.Path + "-a", "--setting", "Classic:PaperThreshold=601");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("Mixtral", Post(temp.Path + "-a")); // 120 + 480 = 600 < 601

        (code, _, error) = await Run("--db", temp.Path, "render", "--date", "2024-01-09", "--out", temp.Path + "-b", "--setting", "Classic:PaperThreshold=601", "--paper-threshold", "600");
        Assert.True(code == 0, error);
        Assert.Contains("Mixtral", Post(temp.Path + "-b"));
    }

    [Fact]
    public async Task Collect_with_an_unknown_source_names_the_known_ones_in_one_line()
    {
        var (code, _, error) = await Run("collect", "mastodon", "--date", "2024-01-09");

        Assert.Equal(HotPapersCli.BadUsage, code);
        Assert.StartsWith("hotpapers: collect 'mastodon' is not a command; the commands are arxiv, x, bluesky, hn, hf\n", error.ReplaceLineEndings("\n"));
    }
}
