using HotPapers.Cli;
using HotPapers.Pipeline.Replay;
using HotPapers.Testing;

namespace HotPapers.Tests.Daily;

/// <summary>
/// Issue 14: a digest at no cost. Without an X token, <c>daily</c> collects the free sources (Hacker News, Hugging
/// Face Daily Papers), says so, and writes a post from them; naming x without a token fails before any request.
/// The day is <c>samples/replay-free/2021-06-10/</c>, recorded by <c>replay-builder free</c> (what is real in it:
/// docs/daily.md).
/// </summary>
public sealed class FreeSourcesDailyTests
{
    private const string Date = "2021-06-10";
    private const string Now = "2021-06-11T09:50:30";
    private static readonly string ReplayDir = Path.Combine(AppContext.BaseDirectory, "data", "replay-free");
    private static string Expected => Path.Combine(ReplayDir, Date, "expected---Hot-Papers.md");

    // No environment at all: no X token, no Bluesky account.
    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => RunWith(_ => null, args);

    private static async Task<(int Code, string Output, string Error)> RunWith(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, environment);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Offline_without_an_X_token_the_free_day_makes_the_expected_post()
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await Run("--db", dir.File("hotpapers.db"), "--now", Now, "--setting", "Daily:TimeZone=UTC",
            "--setting", $"Daily:ReplayDir={ReplayDir}", "daily", "--date", Date, "--offline", "--content-dir", dir.File("posts"));

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("sources: hn, hf (offline: the sources ", output);
        // Plain log lines are dated, with the machine's offset, so a log kept by cron or journald reads on its own.
        Assert.Matches(@"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d daily 2021-06-10: 6 steps$", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("x.com", output);
        Assert.Contains("requests: ", output);
        Golden.AssertSameBytes(File.ReadAllBytes(Expected), File.ReadAllBytes(dir.File($"posts/{Date}---Hot-Papers.md")), $"daily --offline {Date} (free sources)");
    }

    [Fact]
    public async Task The_free_day_is_rebuilt_identically_by_the_replay_builder()
    {
        using var dir = new TempDirectory();

        await HotPapers.ReplayBuilder.FreeRecordingRun.RecordAsync(Seeds.PathOf(Date), dir.Path, new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero));

        foreach (var file in new[] { "exchanges.jsonl", "sources.txt", "expected---Hot-Papers.md" })
            Golden.AssertSameBytes(File.ReadAllBytes(Path.Combine(ReplayDir, Date, file)), File.ReadAllBytes(Path.Combine(dir.Path, Date, file)), $"replay-free/{Date}/{file}");
    }

    [Fact]
    public async Task Online_without_an_X_token_the_free_sources_are_chosen_and_no_X_request_is_made()
    {
        // The free day's recordings served by a real local server: the same answers, over HTTP, without --offline.
        var recorded = ReplayHandler.ReadDirectory(Path.Combine(ReplayDir, Date)).ToDictionary(e => e.Key, e => e.Body);
        await using var server = new LocalHttpServer(request =>
            recorded.TryGetValue(RecordedExchange.RequestKey(request.Method, new Uri("http://127.0.0.1" + request.PathAndQuery)), out var body)
                ? new Reply(200, body, ContentType: request.PathAndQuery.StartsWith("/list/", StringComparison.Ordinal) ? "text/html" : request.PathAndQuery.StartsWith("/api/query", StringComparison.Ordinal) ? "application/atom+xml" : "application/json")
                : new Reply(404, "not recorded", ContentType: "text/plain"));
        var root = server.BaseUrl.ToString().TrimEnd('/');
        using var dir = new TempDirectory();

        var (code, output, error) = await Run("--db", dir.File("hotpapers.db"), "--now", Now, "--setting", "Daily:TimeZone=UTC",
            "--setting", $"Arxiv:ListingBaseUrl={root}", "--setting", $"Arxiv:ApiBaseUrl={root}/api/query", "--setting", "Arxiv:RequestSpacingSeconds=0",
            "--setting", $"HackerNews:ApiBaseUrl={root}/api/v1", "--setting", $"HuggingFace:ApiBaseUrl={root}", "--setting", $"X:ApiBaseUrl={root}/x",
            "daily", "--date", Date, "--content-dir", dir.File("posts"));

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("sources: hn, hf (no X:BearerToken: the free sources; bluesky needs Bluesky:Handle and Bluesky:AppPassword", output);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.StartsWith("/x", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/api/daily_papers?date=2021-06-10", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.PathAndQuery.StartsWith("/api/v1/search_by_date?", StringComparison.Ordinal));
        Golden.AssertSameBytes(File.ReadAllBytes(Expected), File.ReadAllBytes(dir.File($"posts/{Date}---Hot-Papers.md")), $"daily {Date} online (free sources)");
    }

    [Fact]
    public async Task Naming_the_free_sources_makes_the_post_count_them()
    {
        // Daily:Sources without x: Classic:Platforms, unset, follows them (else the post would count nothing).
        using var dir = new TempDirectory();

        var (code, output, error) = await Run("--db", dir.File("hotpapers.db"), "--now", Now, "--setting", "Daily:TimeZone=UTC",
            "--setting", $"Daily:ReplayDir={ReplayDir}", "--setting", "Daily:Sources=hn,hf", "daily", "--date", Date, "--offline", "--content-dir", dir.File("posts"));

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("sources: hn, hf (Daily:Sources)", output);
        Golden.AssertSameBytes(File.ReadAllBytes(Expected), File.ReadAllBytes(dir.File($"posts/{Date}---Hot-Papers.md")), "daily with Daily:Sources=hn,hf");
    }

    [Fact]
    public async Task Naming_x_without_a_token_fails_in_one_line_before_any_request()
    {
        await using var server = new LocalHttpServer(_ => new Reply(500, "no request was expected", ContentType: "text/plain"));
        var root = server.BaseUrl.ToString().TrimEnd('/');
        using var dir = new TempDirectory();

        var (code, _, error) = await Run("--db", dir.File("hotpapers.db"), "--setting", "Daily:Sources=hn,x",
            "--setting", $"Arxiv:ListingBaseUrl={root}", "--setting", $"Arxiv:ApiBaseUrl={root}/api/query", "--setting", $"X:ApiBaseUrl={root}",
            "daily", "--date", Date, "--content-dir", dir.File("posts"));

        Assert.Equal(1, code);
        Assert.Equal("hotpapers: daily: X:BearerToken is not set (HOTPAPERS_X__BearerToken): the x source needs it; set it, run --offline, or leave x out of Daily:Sources (hn and hf are free)\n",
            error.ReplaceLineEndings("\n"));
        Assert.Empty(server.Requests);
        Assert.False(Directory.Exists(dir.File("posts")));
    }

    [Fact]
    public async Task Online_with_a_token_the_default_is_x()
    {
        await using var server = new LocalHttpServer(_ => new Reply(503, "busy", ContentType: "text/plain"));
        var root = server.BaseUrl.ToString().TrimEnd('/');
        using var dir = new TempDirectory();

        var (_, output, _) = await RunWith(name => name == "HOTPAPERS_X__BearerToken" ? "secret-token" : null,
            "--db", dir.File("hotpapers.db"), "--setting", $"Arxiv:ListingBaseUrl={root}", "--setting", "Arxiv:MaxRetries=0",
            "daily", "--date", Date, "--content-dir", dir.File("posts"));

        Assert.Contains("sources: x (X:BearerToken is set)", output);
        Assert.DoesNotContain("secret-token", output);
    }

    [Fact]
    public async Task Offline_a_seed_recording_still_replays_with_x()
    {
        // The seed recordings hold X search; offline they replay with x whatever the environment says.
        using var dir = new TempDirectory();
        var (code, output, error) = await Run("--db", dir.File("hotpapers.db"), "--now", Now, "--setting", "Daily:TimeZone=UTC",
            "--setting", $"Daily:ReplayDir={OfflineDailyTests.ReplayDir}", "daily", "--date", Date, "--offline", "--content-dir", dir.File("posts"));

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("sources: x (offline: a recording without sources.txt holds X search)", output);
    }
}
