using System.Globalization;
using System.Net;
using HotPapers.Cli;
using HotPapers.Importing;
using HotPapers.Pipeline.Replay;
using HotPapers.Social.X;
using HotPapers.Testing;
using HotPapers.Tests.Social.X;

namespace HotPapers.Tests.Security;

/// <summary>
/// X rate limits that would have the run sleep for hours or crash under a pinned clock (issue 13, item 5), and an
/// X error body that echoes the bearer token (item 6).
/// </summary>
public class XRateLimitAndSecretTests
{
    private const string Token = "AAAAAAAAAAAAAAAAAAAAAsecret-bearer-token-1234";
    private const string Empty = """{"meta":{"result_count":0}}""";

    private static string RealEpoch(int secondsFromNow) =>
        DateTimeOffset.UtcNow.AddSeconds(secondsFromNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private sealed class Answer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    [Fact]
    public async Task A_reset_further_away_than_the_cap_fails_at_once_with_one_line_naming_the_url()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var reset = clock.Now.AddHours(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var handler = new Answer(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
            response.Headers.Add("x-rate-limit-reset", reset);
            return response;
        });
        var options = new XOptions { ApiBaseUrl = "http://x.test", BearerToken = Token, MaxRateLimitWait = TimeSpan.FromMinutes(15) };
        var client = new XSearchClient(new HttpClient(handler), options, clock, clock.Delay);

        var error = await Assert.ThrowsAsync<XApiException>(() => client.SearchAsync("url:\"2106.01234\"", 10, null));

        Assert.StartsWith("GET http://x.test/2/tweets/search/recent?query=", error.Message);
        Assert.EndsWith(": rate limited until 2026-12-01T05:00:00Z, 7201 s away, longer than X:MaxRateLimitWaitSeconds (900 s)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(clock.Waits);
    }

    [Theory]
    [InlineData("429")]
    [InlineData("remaining-0")]
    public async Task Under_a_pinned_clock_rate_limit_waits_run_on_real_time(string kind)
    {
        // The reset has just passed in real time, but lies five years after the pinned --now: measured against the
        // pinned clock the wait was years long and crashed inside Task.Delay.
        var served = 0;
        await using var server = new LocalHttpServer(_ =>
        {
            served++;
            var headers = new Dictionary<string, string> { ["x-rate-limit-reset"] = RealEpoch(-5), ["x-rate-limit-remaining"] = "0", ["x-rate-limit-limit"] = "450" };
            // remaining: 0 is waited out before the next request: the first page says there is one.
            return served == 1 ? new Reply(kind == "429" ? 429 : 200, kind == "429" ? "{}" : """{"meta":{"result_count":0,"next_token":"p2"}}""", headers) : new Reply(200, Empty);
        });
        using var temp = new TempStore();
        using (var store = temp.Open()) Assert.True(new PostArchiveImporter(store).ImportFile(Seeds.PathOf("2021-06-10")).Succeeded);

        var (code, output, error) = await Run(server, "collect", "x", "--date", "2021-06-10", "--now", "2021-06-11T09:50:30", "--db", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("x 2021-06-10: ", output);
        Assert.True(served >= 2, $"{served} requests");
    }

    [Fact]
    public async Task An_error_body_echoing_the_authorization_header_never_puts_the_token_on_stderr()
    {
        await using var server = new LocalHttpServer(r => new Reply(403,
            $"{{\"title\":\"Forbidden\",\"detail\":\"bad credentials\",\"echo\":{{\"authorization\":\"{r.Authorization}\"}},\n\"raw\":\"Authorization: {r.Authorization}\"}}"));
        using var temp = new TempStore();
        using (var store = temp.Open()) Assert.True(new PostArchiveImporter(store).ImportFile(Seeds.PathOf("2021-06-10")).Succeeded);

        var (code, output, error) = await Run(server, "collect", "x", "--date", "2021-06-10", "--db", temp.Path);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Single(server.Requests);
        Assert.Equal($"Bearer {Token}", server.Requests.Single().Authorization);
        Assert.DoesNotContain("secret-bearer-token", output + error);
        Assert.Contains("HTTP 403", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_recording_never_holds_the_request_credential_even_when_the_response_echoes_it()
    {
        using var dir = new TempDirectory();
        var file = dir.File("exchanges.jsonl");
        var echo = new Answer(r => new HttpResponseMessage(HttpStatusCode.Unauthorized)
        {
            Content = new StringContent($"{{\"errors\":[{{\"message\":\"token {r.Headers.Authorization!.Parameter} is not valid\",\"header\":\"Authorization: Bearer {r.Headers.Authorization.Parameter}\"}}]}}"),
        });
        using (var client = new HttpClient(new RecordingHandler(file, echo)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.x.test/2/tweets/search/recent?query=a");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
            using var response = await client.SendAsync(request);
            Assert.Contains(Token, await response.Content.ReadAsStringAsync()); // the caller still sees what came back
        }

        var recorded = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("secret-bearer-token", recorded);
        Assert.Contains("(redacted)", recorded);
    }

    /// <summary>A server that never answers: each request waits until it is cancelled.</summary>
    private sealed class Silent : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>X's client as daily builds it: the X:TimeoutSeconds policy, here 50 ms and no retry, over a silent server.</summary>
    private static HttpClient SilentX() => HotPapers.Http.SourceHttpClient.Create(
        new HotPapers.Http.SourceHttpOptions { Source = "x", AttemptTimeout = TimeSpan.FromMilliseconds(50), MaxRetries = 0, RetryRateLimited = false },
        new Silent(), _ => { });

    [Fact]
    public async Task The_X_request_time_out_is_a_setting_and_a_search_that_times_out_names_the_url()
    {
        var options = new XOptions { ApiBaseUrl = "http://x.test", BearerToken = Token };
        var client = new XSearchClient(SilentX(), options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<XApiException>(() => client.SearchAsync("url:\"2106.01234\"", 10, null));

        Assert.StartsWith("GET http://x.test/2/tweets/search/recent?query=", error.Message);
        Assert.Contains("answer within 0.05 s", error.Message); // the attempt's or the whole request's limit, whichever fires first
        Assert.DoesNotContain(Token, error.Message);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_oembed_request_that_times_out_falls_back_naming_the_setting()
    {
        var options = new XOptions { OEmbedUrl = "http://publish.x.test/oembed" };
        var result = await new XOEmbedClient(SilentX(), options).FetchAsync("a", "1");

        Assert.Equal(OEmbedStatus.Failed, result.Status);
        Assert.EndsWith(": timed out (X:TimeoutSeconds)", result.Detail);
    }

    private static async Task<(int Code, string Out, string Err)> Run(LocalHttpServer server, params string[] args)
    {
        var env = new Dictionary<string, string>
        {
            ["HOTPAPERS_X__ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["HOTPAPERS_X__BearerToken"] = Token,
            ["HOTPAPERS_Daily__TimeZone"] = "UTC",
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, name => env.GetValueOrDefault(name));
        return (code, output.ToString(), error.ToString());
    }
}
