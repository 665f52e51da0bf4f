using System.Net;
using HotPapers.Pipeline.Replay;

namespace HotPapers.Tests.Pipeline;

public class ReplayHandlerTests
{
    private static RecordedExchange Exchange(string url, string body, int status = 200) =>
        new("GET", url, status, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Date"] = "Fri, 11 Jun 2021 09:49:15 GMT" }, body);

    [Fact]
    public async Task Requests_match_by_path_and_query_in_any_order_and_on_any_host()
    {
        var handler = new ReplayHandler([Exchange("https://api.example.test/2/search?b=2&a=x%20y", "{\"ok\":1}")]);
        using var client = new HttpClient(handler);
        var response = await client.GetAsync("http://127.0.0.1:1234/2/search?a=x+y&b=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"ok\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal(new DateTimeOffset(2021, 6, 11, 9, 49, 15, TimeSpan.Zero), response.Headers.Date);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Repeated_recordings_are_served_in_order_and_an_unrecorded_request_fails_loudly()
    {
        var handler = new ReplayHandler([Exchange("https://h/x?q=1", "first", 503), Exchange("https://h/x?q=1", "second")]);
        using var client = new HttpClient(handler);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("https://h/x?q=1")).StatusCode);
        Assert.Equal("second", await (await client.GetAsync("https://h/x?q=1")).Content.ReadAsStringAsync());
        Assert.Equal("second", await (await client.GetAsync("https://h/x?q=1")).Content.ReadAsStringAsync());

        var missing = await client.GetAsync("https://h/y");
        Assert.Equal(ReplayHandler.NotRecordedStatus, (int)missing.StatusCode);
        Assert.Equal(["GET /y?"], handler.Missing);
    }

    [Fact]
    public async Task A_recording_made_by_the_recording_handler_replays_the_same_response()
    {
        using var dir = new HotPapers.Testing.TempDirectory();
        var file = dir.File("exchanges.jsonl");
        var live = new ReplayHandler([Exchange("https://h/api?id_list=2106.05001", "<feed>é</feed>")]);
        using (var client = new HttpClient(new RecordingHandler(file, live)))
            Assert.Equal("<feed>é</feed>", await client.GetStringAsync("https://h/api?id_list=2106.05001"));
        using var offline = new HttpClient(ReplayHandler.FromDirectory(dir.Path));
        Assert.Equal("<feed>é</feed>", await offline.GetStringAsync("https://elsewhere/api?id_list=2106.05001"));
    }

    [Fact]
    public void A_broken_recording_names_its_file_and_line()
    {
        using var dir = new HotPapers.Testing.TempDirectory();
        File.WriteAllText(dir.File("bad.jsonl"), "{\"method\":\"GET\",\"url\":\"https://h/\",\"status\":200,\"headers\":{},\"body\":\"\"}\n{oops\n");
        var error = Assert.Throws<InvalidDataException>(() => ReplayHandler.FromDirectory(dir.Path));
        Assert.StartsWith($"{dir.File("bad.jsonl")}:2: not a recorded exchange", error.Message);
    }

    [Fact]
    public async Task Session_tokens_in_a_response_are_redacted_in_the_recording_but_reach_the_caller()
    {
        using var dir = new HotPapers.Testing.TempDirectory();
        var file = dir.File("exchanges.jsonl");
        const string session = "{\"did\":\"did:plc:abc\",\"accessJwt\":\"eyJhbGciOi.secret-access\",\"refreshJwt\" : \"eyJ.secret\\\"refresh\",\"handle\":\"me.bsky.social\"}";
        var live = new ReplayHandler([Exchange("https://pds.test/xrpc/com.atproto.server.createSession", session)]);
        using (var client = new HttpClient(new RecordingHandler(file, live)))
            Assert.Equal(session, await client.GetStringAsync("https://pds.test/xrpc/com.atproto.server.createSession"));

        var recorded = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("secret", recorded);
        var body = Assert.Single(ReplayHandler.ReadDirectory(dir.Path)).Body;
        Assert.Equal("{\"did\":\"did:plc:abc\",\"accessJwt\":\"(redacted)\",\"refreshJwt\" : \"(redacted)\",\"handle\":\"me.bsky.social\"}", body);
    }
}
