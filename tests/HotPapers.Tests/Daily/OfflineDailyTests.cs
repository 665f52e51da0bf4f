using System.Text.RegularExpressions;
using HotPapers.Cli;
using HotPapers.ReplayBuilder;
using HotPapers.Testing;

namespace HotPapers.Tests.Daily;

/// <summary>
/// Issue 5, acceptance 1: <c>hotpapers daily --offline</c> on each seed date, served from the bundled recordings
/// by the real clients, writes the seed post: exactly when the clock is pinned as recorded (front matter by
/// <c>--now</c>, stats lines by <c>measure-clock.txt</c>), and with the timestamps masked when it is not.
/// </summary>
public sealed partial class OfflineDailyTests
{
    public static readonly string ReplayDir = Path.Combine(AppContext.BaseDirectory, "data", "replay");

    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public async Task With_the_recorded_clock_the_post_is_the_seed_byte_for_byte(string date)
    {
        using var dir = new TempDirectory();
        var (code, output, error) = await Daily(dir, ReplayDir, date, GeneratedAt(date));
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("requests:", output);
        Golden.AssertSameBytes(Seeds.Bytes(date), File.ReadAllBytes(dir.File($"posts/{date}---Hot-Papers.md")), $"daily --offline {date}");
    }

    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public async Task With_another_clock_only_the_timestamps_differ(string date)
    {
        using var dir = new TempDirectory();
        // The same recordings without the measuring clock: every stats line is stamped with --now.
        var replay = dir.File("replay");
        Directory.CreateDirectory(Path.Combine(replay, date));
        File.Copy(Path.Combine(ReplayDir, date, RecordingRun.ExchangesFile), Path.Combine(replay, date, RecordingRun.ExchangesFile));
        var (code, _, error) = await Daily(dir, replay, date, "2030-01-02T03:04:05");
        Assert.True(code == 0, $"exit {code}: {error}");
        var written = await File.ReadAllTextAsync(dir.File($"posts/{date}---Hot-Papers.md"));
        Assert.Contains("\ndate: 2030-01-02T03:04:05.Z\n", written);
        Assert.Contains("(01/02/2030 03:04:05)", written);
        Golden.AssertSameText(Mask(Seeds.Text(date)), Mask(written), $"daily --offline {date}, timestamps masked");
    }

    [Fact]
    public async Task The_recordings_are_rebuilt_identically_from_the_seeds()
    {
        using var dir = new TempDirectory();
        foreach (var date in Seeds.Dates)
        {
            var result = await RecordingRun.RecordAsync(Seeds.PathOf(date), dir.Path);
            Assert.True(result.Identical, $"{date}: {result.FirstDifference}");
            foreach (var file in new[] { RecordingRun.ExchangesFile, RecordingRun.ClockFile })
                Golden.AssertSameBytes(File.ReadAllBytes(Path.Combine(ReplayDir, date, file)), File.ReadAllBytes(Path.Combine(dir.Path, date, file)), $"{date}/{file}");
        }
    }

    [Fact]
    public async Task A_source_that_fails_stops_the_run_with_one_line_and_keeps_what_was_collected()
    {
        using var dir = new TempDirectory();
        const string date = "2021-06-10";
        // The recordings without X's answers: the search fails (the replay answers 599) after arXiv was collected.
        var replay = Path.Combine(dir.File("replay"), date);
        Directory.CreateDirectory(replay);
        await File.WriteAllLinesAsync(Path.Combine(replay, RecordingRun.ExchangesFile),
            File.ReadLines(Path.Combine(ReplayDir, date, RecordingRun.ExchangesFile)).Where(l => !l.Contains("api.twitter.com", StringComparison.Ordinal)));

        var (code, output, error) = await Daily(dir, dir.File("replay"), date, GeneratedAt(date));

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hotpapers: daily: x: GET https://api.twitter.com/2/tweets/search/recent?", line);
        Assert.Contains("HTTP 599", line);
        Assert.Contains("[1/6] arxiv: 16 papers announced, 0 already stored", output);
        Assert.DoesNotContain("metadata:", output); // the run stopped before asking the API for anything
        Assert.False(Directory.Exists(dir.File("posts")));

        // The next run with the full recordings resumes after arXiv and writes the post.
        (code, output, error) = await Daily(dir, ReplayDir, date, GeneratedAt(date));
        Assert.True(code == 0, error);
        Assert.Contains("arxiv", output);
        Assert.Contains("done earlier", output);
        Golden.AssertSameBytes(Seeds.Bytes(date), File.ReadAllBytes(dir.File($"posts/{date}---Hot-Papers.md")), "post after the failed run");
    }

    [Fact]
    public async Task A_date_without_recordings_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = await Daily(dir, ReplayDir, "2019-01-01", "2019-01-02T08:00:00");
        Assert.Equal(1, code);
        Assert.Contains("--offline: no recordings for 2019-01-01", error);
        Assert.False(Directory.Exists(dir.File("posts")));
    }

    /// <summary>The seed's generation time, as its front matter prints it.</summary>
    public static string GeneratedAt(string date) => FrontMatterDate().Match(Seeds.Text(date)).Groups["at"].Value;

    public static Task<(int Code, string Output, string Error)> Daily(TempDirectory dir, string replayDir, string date, string now) =>
        Run("--db", dir.File("hotpapers.db"), "--now", now, "--setting", "Daily:TimeZone=UTC", "--setting", $"Daily:ReplayDir={replayDir}",
            "daily", "--date", date, "--offline", "--content-dir", dir.File("posts"));

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(args, output, error, _ => null);
        return (code, output.ToString(), error.ToString());
    }

    private static string Mask(string post) => StatsTime().Replace(FrontMatterDate().Replace(post, "date: <masked>.Z"), "(<masked>)");

    [GeneratedRegex(@"(?m)^date: (?<at>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.Z$")]
    private static partial Regex FrontMatterDate();

    [GeneratedRegex(@"\(\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\)")]
    private static partial Regex StatsTime();
}
