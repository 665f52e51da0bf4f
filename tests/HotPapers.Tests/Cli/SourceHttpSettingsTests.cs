using System.Globalization;
using HotPapers.Cli;
using HotPapers.Domain;
using HotPapers.Testing;

namespace HotPapers.Tests.Cli;

/// <summary>
/// The source commands get their source's resilience policy from the settings (<c>&lt;Section&gt;:TimeoutSeconds</c>,
/// <c>MaxRetries</c>, <c>InitialBackoffSeconds</c>, <c>MaxBackoffSeconds</c>): waits are printed on stderr, X's 429 is
/// left to the search client, and a bad value names its key.
/// </summary>
public sealed class SourceHttpSettingsTests
{
    private const string Token = "sekrit-bearer-token-123";
    private const string EmptyPage = """{"hits":[],"nbHits":0,"page":0,"nbPages":0}""";

    private static async Task<(int Code, string Out, string Err)> Run(Dictionary<string, string> env, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, name => env.GetValueOrDefault(name));
        return (code, output.ToString(), error.ToString());
    }

    private static Func<RecordedRequest, Reply> Sequence(params Reply[] replies)
    {
        var n = -1;
        return _ => replies[Math.Min(Interlocked.Increment(ref n), replies.Length - 1)];
    }

    [Fact]
    public async Task Collect_hn_retries_a_503_with_the_configured_policy_and_prints_the_wait()
    {
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "down"), new Reply(200, EmptyPage)));
        using var temp = new TempStore();

        var (code, output, error) = await Run(new()
        {
            ["HOTPAPERS_HackerNews__ApiBaseUrl"] = server.BaseUrl + "api/v1",
            ["HOTPAPERS_HackerNews__InitialBackoffSeconds"] = "0.01",
            ["HOTPAPERS_HackerNews__MaxBackoffSeconds"] = "0.05",
        }, "collect", "hn", "--date", "2024-01-09", "--db", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("hn 2024-01-09: ", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"hn: HTTP 503 from GET {server.BaseUrl}api/v1/search_by_date?", line);
        Assert.Contains(", retry 1 of 3 in 0.0", line);
    }

    [Fact]
    public async Task With_MaxRetries_0_a_503_fails_the_command_at_once()
    {
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "down"), new Reply(200, EmptyPage)));
        using var temp = new TempStore();

        var (code, _, error) = await Run(new() { ["HOTPAPERS_HackerNews__ApiBaseUrl"] = server.BaseUrl + "api/v1" },
            "--setting", "HackerNews:MaxRetries=0", "collect", "hn", "--date", "2024-01-09", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Contains("HTTP 503", error);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("HackerNews:MaxRetries=-1", "HackerNews:MaxRetries must be 0..100, not -1")]
    [InlineData("HackerNews:TimeoutSeconds=soon", "HackerNews:TimeoutSeconds (HOTPAPERS_HackerNews__TimeoutSeconds): 'soon' is not a number of seconds")]
    [InlineData("HackerNews:TimeoutSeconds=0", "HackerNews:TimeoutSeconds must be between 0.01 and 86400 seconds")]
    [InlineData("HackerNews:MaxBackoffSeconds=0.5", "HackerNews:MaxBackoffSeconds must be between InitialBackoffSeconds and 86400 seconds")]
    public async Task A_bad_policy_setting_is_one_line_naming_the_key(string setting, string message)
    {
        using var temp = new TempStore();

        var (code, _, error) = await Run([], "--setting", setting, "collect", "hn", "--date", "2024-01-09", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Equal($"hotpapers: hn: {message}", error.TrimEnd('\n'));
    }

    private static TempStore StoreWithOnePaper(DateOnly day)
    {
        var temp = new TempStore();
        using var store = temp.Open();
        store.Write(tx => tx.Papers.Upsert(new Paper(ArxivId.Parse("2106.05999"), "A paper", ["A. Author"], [new Subject("cs.LG")],
            "Abstract.", "https://arxiv.org/abs/2106.05999", "https://arxiv.org/pdf/2106.05999", day, 1)));
        return temp;
    }

    private static Dictionary<string, string> XEnvironment(LocalHttpServer server) => new()
    {
        ["HOTPAPERS_X__ApiBaseUrl"] = server.BaseUrl.ToString(),
        ["HOTPAPERS_X__BearerToken"] = Token,
        ["HOTPAPERS_X__InitialBackoffSeconds"] = "0.01",
        ["HOTPAPERS_X__MaxBackoffSeconds"] = "0.05",
        ["HOTPAPERS_Daily__TimeZone"] = "UTC",
    };

    [Fact]
    public async Task Collect_x_leaves_429_to_the_search_client_which_counts_every_request()
    {
        var reset = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await using var server = new LocalHttpServer(_ => new Reply(429, """{"title":"Too Many Requests"}""",
            new Dictionary<string, string> { ["x-rate-limit-reset"] = reset }));
        using var temp = StoreWithOnePaper(new DateOnly(2021, 6, 10));

        var (code, _, error) = await Run(XEnvironment(server), "--setting", "X:MaxRateLimitWaits=1", "collect", "x", "--date", "2021-06-10", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hotpapers: x: GET ", line);
        Assert.Contains("still rate limited (429) after 1 waits", line);
        Assert.Equal(2, server.Requests.Count); // no retry of the policy's own on top of the client's wait
    }

    [Fact]
    public async Task Collect_x_has_a_503_retried_with_the_wait_printed_and_never_the_token()
    {
        await using var server = new LocalHttpServer(Sequence(new Reply(503, "over capacity"), new Reply(200, """{"meta":{"result_count":0}}""")));
        using var temp = StoreWithOnePaper(new DateOnly(2021, 6, 10));

        var (code, output, error) = await Run(XEnvironment(server), "collect", "x", "--date", "2021-06-10", "--db", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("x 2021-06-10: 1 papers", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"x: HTTP 503 from GET {server.BaseUrl}2/tweets/search/recent?", line);
        Assert.DoesNotContain(Token, output + error);
        Assert.Equal(2, server.Requests.Count);
    }
}
