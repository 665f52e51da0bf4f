using HotPapers.Cli;
using HotPapers.Testing;

namespace HotPapers.Tests.Daily;

/// <summary>
/// The evidence for <c>Daily:Embeds=snapshot</c>: on every seed day, the post rendered locally from the X API v2
/// fields the search returned is the published post byte for byte, with no oEmbed request (one X request, three arXiv).
/// Why it is not the default yet: docs/daily.md, "Embeds".
/// </summary>
public sealed class SnapshotEmbedsDailyTests
{
    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public async Task With_snapshot_embeds_every_seed_day_is_the_seed_without_an_oembed_request(string date)
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await HotPapersCli.RunAsync(["--db", dir.File("hotpapers.db"), "--now", OfflineDailyTests.GeneratedAt(date), "--setting", "Daily:TimeZone=UTC",
            "--setting", $"Daily:ReplayDir={OfflineDailyTests.ReplayDir}", "--setting", "Daily:Embeds=snapshot",
            "daily", "--date", date, "--offline", "--content-dir", dir.File("posts")], output, error, _ => null);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.DoesNotContain("publish.twitter.com", output.ToString());
        Golden.AssertSameBytes(Seeds.Bytes(date), File.ReadAllBytes(dir.File($"posts/{date}---Hot-Papers.md")), $"daily --offline {date} with snapshot embeds");
    }
}
