using HotPapers.Cli;
using HotPapers.Testing.Jetstream;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Cli;

/// <summary>The collect and listen commands end to end, against local servers, with settings from a fake environment.</summary>
public sealed class SourceCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(Dictionary<string, string> env, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, name => env.GetValueOrDefault(name));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Collect_hn_reads_its_base_url_from_the_environment()
    {
        await using var server = new LocalHttpServer(r => r.PathAndQuery.Contains("created_at_i%3E%3D1704780000", StringComparison.Ordinal)
            ? new Reply(200, TestData.Read("hackernews", "search_by_date-new.json"))
            : new Reply(200, """{"hits":[],"nbHits":0,"page":0,"nbPages":0}"""));
        using var temp = new TempStore();

        var (code, output, error) = await Run(new() { ["HOTPAPERS_HackerNews__ApiBaseUrl"] = server.BaseUrl + "api/v1" },
            "collect", "hn", "--date", "2024-01-09", "--db", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("hn 2024-01-09: 4 requests, 2 hits, 1 stories linking arXiv (1 links).", output);
        using var store = temp.Open();
        Assert.NotNull(store.LoadPost("hackernews", "38911002"));
    }

    [Fact]
    public async Task Collect_bluesky_without_an_account_fails_with_the_settings_to_set()
    {
        using var temp = new TempStore();

        var (code, _, error) = await Run([], "collect", "bluesky", "--date", "2024-01-09", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Contains("HOTPAPERS_Bluesky__Handle", error);
    }

    [Fact]
    public async Task Collect_bluesky_never_prints_the_app_password_even_when_login_fails()
    {
        await using var server = new LocalHttpServer(_ => new Reply(401, """{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"""));
        using var temp = new TempStore();
        const string secret = "very-secret-app-password";

        var (code, output, error) = await Run(new()
        {
            ["HOTPAPERS_Bluesky__ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["HOTPAPERS_Bluesky__Handle"] = "me.bsky.social",
            ["HOTPAPERS_Bluesky__AppPassword"] = secret,
        }, "collect", "bluesky", "--date", "2024-01-09", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Contains("createSession", error);
        Assert.DoesNotContain(secret, error + output);
    }

    [Fact]
    public async Task A_bad_url_setting_is_named()
    {
        using var temp = new TempStore();

        var (code, _, error) = await Run(new() { ["HOTPAPERS_HackerNews__ApiBaseUrl"] = "not a url" }, "collect", "hn", "--date", "2024-01-09", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Contains("HOTPAPERS_HackerNews__ApiBaseUrl", error);
    }

    [Fact]
    public async Task Listen_bluesky_stops_after_max_events_and_a_second_run_resumes()
    {
        var events = JetstreamStreamGenerator.Generate(3_000, seed: 21);
        await using var server = new JetstreamReplayServer(events.Select(e => e.Json));
        using var temp = new TempStore();
        var env = new Dictionary<string, string> { ["HOTPAPERS_Bluesky__JetstreamUrl"] = server.Url.ToString() };

        var (code, output, error) = await Run(env, "listen", "bluesky", "--max-events", "1000", "--db", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("jetstream stopped: 1000 events", output);
        Assert.Contains($"cursor {events[999].TimeUs}", output);

        (code, output, error) = await Run(env, "listen", "bluesky", "--until-cursor", events[^1].TimeUs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains($"cursor {events[^1].TimeUs}", output);
        // Resumed 5 s (the default rewind) before where the first run stopped.
        Assert.Contains($"cursor={events[999].TimeUs - 5_000_000}", server.Requests.Last());
    }
}
