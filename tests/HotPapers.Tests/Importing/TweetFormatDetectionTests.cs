using System.Text.Json.Nodes;
using HotPapers.Cli;
using HotPapers.Importing.Tweets;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>The format and the container (JSONL or one document) are told from content; --format overrides.</summary>
public class TweetFormatDetectionTests
{
    [Theory]
    [InlineData("x-v2-twarc-search-page.json", TweetFormat.XV2)]
    [InlineData("x-v2-reply-with-url-metadata.json", TweetFormat.XV2)]
    [InlineData("x-v2-tweepy-minimal.jsonl", TweetFormat.XV2)]
    [InlineData("x-v2-arxiv-search.json", TweetFormat.XV2)]
    [InlineData("x-v1-lemonde.jsonl", TweetFormat.XV1)]
    [InlineData("twint-2021.jsonl", TweetFormat.Twint)]
    [InlineData("original-papers_with_tweets.json", TweetFormat.Original)]
    public void Each_sample_is_told_by_its_content(string sample, TweetFormat expected)
    {
        var read = ReadOutcome.OfFile(TestData.PathOf("imports", sample));
        Assert.Equal(expected, read.Format);
        Assert.Empty(read.Problems);
        Assert.NotEmpty(read.Tweets);
    }

    [Fact]
    public void Jsonl_of_whole_responses_and_a_json_array_of_statuses_are_read_record_by_record()
    {
        var page = JsonNode.Parse(File.ReadAllText(TestData.PathOf("imports", "x-v2-arxiv-search.json")))!.ToJsonString();
        var tweepy = File.ReadAllText(TestData.PathOf("imports", "x-v2-tweepy-minimal.jsonl")).Trim();
        var responses = ReadOutcome.OfText("pages.jsonl", page + "\n" + tweepy + "\n");
        Assert.Equal(TweetFormat.XV2, responses.Format);
        Assert.Equal(["1320900424820510720", "1578516068309794817", "1578515564971970560"], responses.Ids);

        var status = File.ReadAllText(TestData.PathOf("imports", "x-v1-lemonde.jsonl")).Trim();
        var array = ReadOutcome.OfText("statuses.json", "[\n" + status + ",\n" + status.Replace("1226376436388376576", "1226376436388376577") + "\n]\n");
        Assert.Equal(TweetFormat.XV1, array.Format);
        Assert.Equal(["1226376436388376576", "1226376436388376577"], array.Ids);
    }

    [Fact]
    public void A_broken_first_line_does_not_stop_detection_from_the_next()
    {
        var twint = File.ReadAllLines(TestData.PathOf("imports", "twint-2021.jsonl"));
        var read = ReadOutcome.OfText("tweets.json", "{\"id\": 1, \"tweet\": \"cut\n" + string.Join("\n", twint));
        Assert.Equal(TweetFormat.Twint, read.Format);
        Assert.Equal(["tweets.json:1: the JSON ends early (truncated)"], read.Problems);
        Assert.Equal(2, read.Tweets.Count);
    }

    [Fact]
    public void A_named_format_is_used_as_given()
    {
        var read = ReadOutcome.OfFile(TestData.PathOf("imports", "twint-2021.jsonl"), TweetFormat.XV1);
        Assert.Equal(TweetFormat.XV1, read.Format);
        Assert.Empty(read.Tweets);
        Assert.Equal(2, read.Problems.Count);
        Assert.All(read.Problems, p => Assert.EndsWith("created_at '2021-09-15 04:53:00 EDT' is not a v1.1 time such as 'Sun Feb 09 05:25:02 +0000 2020'", p.Replace("2022-05-20 17:10:03 India Standard Time", "2021-09-15 04:53:00 EDT")));
    }

    [Fact]
    public async Task The_command_reports_bad_lines_on_stderr_a_summary_per_file_and_exits_1()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.jsonl");
        await File.WriteAllTextAsync(bad, "{\"id\":\"1\",\"text\":\"x\"\n");
        var good = TestData.PathOf("imports", "x-v2-arxiv-search.json");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HotPapersCli.RunAsync(["--db", dir.File("cli.db"), "import", "tweets", "--measured-at", "2023-01-01T00:00:00Z", good, bad], output, error);
        Assert.Equal(1, code);
        Assert.Equal($"{bad}:1: the JSON ends early (truncated)\n", error.ToString().Replace("\r\n", "\n"));
        Assert.Equal(
            $"imported {good} (x-v2): 1 posts, 1 snapshots, 1 links, 0 without an arXiv link skipped, 0 bad lines\n" +
            $"imported {bad} (format unknown): 0 posts, 0 snapshots, 0 links, 0 without an arXiv link skipped, 1 bad lines\n",
            output.ToString().Replace("\r\n", "\n"));

        output.GetStringBuilder().Clear();
        code = await HotPapersCli.RunAsync(["--db", dir.File("cli.db"), "import", "tweets", "--format", "x-v3", good], output, error);
        Assert.Equal(2, code);
    }
}
