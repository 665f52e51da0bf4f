using HotPapers.Cli;
using HotPapers.Social;
using HotPapers.Tests.Social.ToyPlatform;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social;

/// <summary>
/// Adding a platform is one folder (<see cref="ToyPlatform"/>) and one registry line: with nothing else changed,
/// <c>collect toy</c> stores its posts, <c>Daily:Sources</c> accepts it, and the classic post embeds it in its own form.
/// </summary>
public sealed class ToyPlatformTests
{
    private static readonly PlatformRegistry Platforms = PlatformRegistry.Default.With(ToyPlatform.ToyPlatform.Registration);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, _ => null, Platforms);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_toy_platform_collects_counts_and_is_embedded_through_the_registry_alone()
    {
        await using var server = new LocalHttpServer(r => r.PathAndQuery == "/posts?day=2024-01-09"
            ? new Reply(200, """[{"id":"t1","author":"carol","text":"Mixtral <3 https://arxiv.org/abs/2401.04088","url":"https://arxiv.org/abs/2401.04088","boosts":40,"favourites":60},{"id":"t2","author":"dan","text":"lunch","url":"https://example.com/","boosts":99,"favourites":99}]""")
            : new Reply(404, "{}"));
        using var temp = new TempStore();
        using (var store = temp.Open()) await MixedPlatformsDay.FillAsync(store);

        var (code, output, error) = await Run("--db", temp.Path, "--now", "2024-12-02T10:00:00Z", "collect", "toy", "--date", "2024-01-09",
            "--setting", $"Toy:ApiBaseUrl={server.BaseUrl}");
        Assert.True(code == 0, error);
        Assert.Contains("toy 2024-01-09: 2 posts, 1 linking arXiv.", output);

        var outDir = temp.Path + "-out";
        (code, _, error) = await Run("--db", temp.Path, "--now", "2024-12-02T10:00:00Z", "render", "--date", "2024-01-09", "--out", outDir,
            "--setting", "Classic:Platforms=toy");
        Assert.True(code == 0, error);
        var post = File.ReadAllText(Path.Combine(outDir, "2024-01-09---Hot-Papers.md"));
        Assert.Contains("- retweets: 40, favorites: 60 (12/02/2024 10:00:00)", post);
        Assert.Contains("\n<blockquote class=\"toy-post\"><p>Mixtral &lt;3 https://arxiv.org/abs/2401.04088</p>&mdash; @carol</blockquote>\n", post);
        Assert.DoesNotContain("twitter", post);
    }

    [Fact]
    public async Task An_unregistered_source_name_in_daily_sources_is_a_clear_error()
    {
        using var temp = new TempStore();

        var (code, _, error) = await Run("--db", temp.Path, "daily", "--date", "2024-01-09", "--offline", "--setting", "Daily:Sources=x,mastodon");

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Contains("Daily:Sources (HOTPAPERS_Daily__Sources): 'mastodon' is not a source; the sources are x, bluesky, hn, hf, toy", error);
    }
}
