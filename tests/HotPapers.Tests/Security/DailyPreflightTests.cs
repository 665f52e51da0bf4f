using HotPapers.Cli;
using HotPapers.Testing;

namespace HotPapers.Tests.Security;

/// <summary>
/// A daily run that cannot finish fails before its first request (issue 13, item 9): no X token, no Bluesky account,
/// or a post that --publish could not commit. Before, each of these failed only after arXiv had been collected.
/// </summary>
public class DailyPreflightTests
{
    private static async Task<(int Code, string Err, int Requests)> Daily(Dictionary<string, string> env, params string[] extra)
    {
        await using var server = new LocalHttpServer(_ => new Reply(500, "should not be asked"));
        env["HOTPAPERS_Arxiv__ListingBaseUrl"] = server.BaseUrl.ToString();
        env["HOTPAPERS_Arxiv__ApiBaseUrl"] = server.BaseUrl + "api/query";
        env["HOTPAPERS_X__ApiBaseUrl"] = server.BaseUrl.ToString();
        env["HOTPAPERS_Daily__TimeZone"] = "UTC";
        using var temp = new TempStore();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(["daily", "--date", "2021-06-10", "--db", temp.Path, .. extra], output, error, name => env.GetValueOrDefault(name));
        Assert.False(File.Exists(temp.Path), "the store was opened before the check");
        return (code, error.ToString(), server.Requests.Count);
    }

    [Fact]
    public async Task With_x_among_the_sources_and_no_X_token_the_run_fails_before_asking_arXiv()
    {
        // Without Daily:Sources and without a token a run takes the free sources (docs/daily.md); naming x asks for the token.
        var (code, error, requests) = await Daily(new() { ["HOTPAPERS_Daily__Sources"] = "x" });
        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Equal(0, requests);
        Assert.Equal("hotpapers: daily: X:BearerToken is not set (HOTPAPERS_X__BearerToken): the x source needs it; set it, run --offline, or leave x out of Daily:Sources (hn and hf are free)\n", error);
    }

    [Fact]
    public async Task Without_a_Bluesky_account_the_run_fails_before_asking_arXiv()
    {
        var (code, error, requests) = await Daily(new() { ["HOTPAPERS_Daily__Sources"] = "bluesky" });
        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Equal(0, requests);
        Assert.Contains("HOTPAPERS_Bluesky__Handle", error);
    }

    [Fact]
    public async Task Publishing_a_content_dir_outside_the_repository_fails_before_asking_arXiv()
    {
        using var dir = new TempDirectory();
        var repository = dir.File("blog");
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        var outside = dir.File("elsewhere");
        var (code, error, requests) = await Daily(new() { ["HOTPAPERS_X__BearerToken"] = "t0ken-for-the-test", ["HOTPAPERS_Publish__RepositoryDir"] = repository },
            "--publish", "--content-dir", outside);
        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Equal(0, requests);
        Assert.Equal($"hotpapers: daily: --publish: the content dir {outside} is not inside the blog repository {repository} (Publish:RepositoryDir)\n", error);
        Assert.DoesNotContain("t0ken", error);
    }
}
