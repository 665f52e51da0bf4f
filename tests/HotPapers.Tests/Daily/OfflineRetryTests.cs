using System.Text.Json.Nodes;
using HotPapers.Cli;
using HotPapers.ReplayBuilder;
using HotPapers.Testing;

namespace HotPapers.Tests.Daily;

/// <summary>
/// Offline, every source keeps its retries but never waits: a recording of a live run that needed retries (the
/// recorder sits inside the policy, so it holds the failed attempts, answered in order) replays to the same post.
/// </summary>
public sealed class OfflineRetryTests
{
    private const string Date = "2021-06-10";

    [Fact]
    public async Task A_recording_with_a_503_before_each_sources_first_answer_replays_to_the_seed_post_with_the_retries_logged()
    {
        using var dir = new TempDirectory();
        var replay = Path.Combine(dir.File("replay"), Date);
        Directory.CreateDirectory(replay);
        var lines = new List<string>();
        var failedOnce = new HashSet<string>();
        foreach (var line in File.ReadLines(Path.Combine(OfflineDailyTests.ReplayDir, Date, RecordingRun.ExchangesFile)))
        {
            var host = new Uri(JsonNode.Parse(line)!["url"]!.GetValue<string>()).Host;
            if (host is "export.arxiv.org" or "api.twitter.com" or "publish.twitter.com" && failedOnce.Add(host))
            {
                var failed = JsonNode.Parse(line)!;
                failed["status"] = 503;
                failed["body"] = "Service Unavailable";
                failed["headers"] = new JsonObject { ["Content-Type"] = "text/plain" };
                lines.Add(failed.ToJsonString());
            }
            lines.Add(line);
        }
        Assert.Equal(3, failedOnce.Count);
        await File.WriteAllLinesAsync(Path.Combine(replay, RecordingRun.ExchangesFile), lines);
        File.Copy(Path.Combine(OfflineDailyTests.ReplayDir, Date, RecordingRun.ClockFile), Path.Combine(replay, RecordingRun.ClockFile));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(
            ["--db", dir.File("hotpapers.db"), "--now", OfflineDailyTests.GeneratedAt(Date), "--setting", "Daily:TimeZone=UTC",
             "--setting", $"Daily:ReplayDir={dir.File("replay")}", "daily", "--date", Date, "--offline", "--verbose", "--content-dir", dir.File("posts")],
            output, error, _ => null);

        Assert.True(code == 0, $"exit {code}: {error}");
        Golden.AssertSameBytes(Seeds.Bytes(Date), File.ReadAllBytes(dir.File($"posts/{Date}---Hot-Papers.md")), "daily --offline with recorded retries");
        var log = output.ToString();
        Assert.Contains("arxiv: HTTP 503 from GET https://export.arxiv.org/api/query?", log);
        Assert.Contains("x: HTTP 503 from GET https://api.twitter.com/2/tweets/search/recent?", log);
        Assert.Contains("x: HTTP 503 from GET https://publish.twitter.com/oembed?", log);
        Assert.Contains(", retry 1 of 4 in 0.0 s", log); // arXiv: no waiting offline
        Assert.Contains(", retry 1 of 3 in 0.0 s", log);
    }
}
