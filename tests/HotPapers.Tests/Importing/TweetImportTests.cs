using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Importing.Tweets;
using HotPapers.Tests.Support;
using HotPapers.Tests.TestSupport;

namespace HotPapers.Tests.Importing;

/// <summary>Issue 4, acceptance 5: each importer on the real samples of the spec and on a corpus of broken lines.</summary>
public sealed class TweetImportTests
{
    private static readonly DateTimeOffset MeasuredAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Social(string name) => TestData.PathOf("social", name);

    [Theory]
    [InlineData("x-v2-search-arxiv.json", TweetFormat.XV2)]
    [InlineData("x-v2-reply-2023.json", TweetFormat.XV2)]
    [InlineData("x-v2-search-all-retweet-2021.json", TweetFormat.XV2)]
    [InlineData("x-v1-status-2020.json", TweetFormat.XV1)]
    [InlineData("twint-2021.jsonl", TweetFormat.Twint)]
    [InlineData("twint-2022.jsonl", TweetFormat.Twint)]
    [InlineData("papers_with_tweets.json", TweetFormat.Original)]
    public void Each_sample_is_recognised_as_its_format(string file, TweetFormat format)
    {
        using var json = JsonDocument.Parse(File.ReadLines(Social(file)).First().Trim() is { Length: > 1 } first && first != "{" ? first : File.ReadAllText(Social(file)));
        Assert.Equal(format, TweetFormats.Detect(json.RootElement));
    }

    [Fact]
    public void The_real_v1_status_reads_with_its_id_author_time_counts_and_link()
    {
        var tweet = Assert.Single(TweetFileReader.Read(Social("x-v1-status-2020.json"), null)).Tweet!;
        Assert.Equal(("1226376436388376576", "lemondefr", "Le Monde"), (tweet.Post.PostId, tweet.Post.AuthorHandle, tweet.Post.AuthorName));
        Assert.Equal(new DateTimeOffset(2020, 2, 9, 5, 25, 2, TimeSpan.Zero), tweet.Post.CreatedAt);
        Assert.Equal((53, 52), (tweet.Reposts, tweet.Likes));
        var link = Assert.Single(tweet.Post.Entities);
        Assert.Equal((EntityKind.Url, 83, 106, "https://t.co/NovMuwncTY"), (link.Kind, link.Start, link.End, link.Value));
        Assert.StartsWith("https://www.lemonde.fr/planete/article/2020/02/09/", link.Expanded);
        Assert.Empty(tweet.Papers);
    }

    [Fact]
    public void The_real_twint_lines_read_ids_above_2_to_the_53_exactly_and_take_the_time_from_the_id()
    {
        var tweet = Assert.Single(TweetFileReader.Read(Social("twint-2022.jsonl"), null)).Tweet!;
        Assert.Equal("1527615131785510913", tweet.Post.PostId);
        Assert.Equal("1stpremiumcow", tweet.Post.AuthorHandle);
        // created_at says "2022-05-20 17:10:03 India Standard Time": 11:40:03 UTC, which the snowflake gives too.
        Assert.Equal(new DateTime(2022, 5, 20, 11, 40, 3), tweet.Post.CreatedAt.UtcDateTime.AddTicks(-(tweet.Post.CreatedAt.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal((0, 0), (tweet.Reposts, tweet.Likes));
    }

    [Fact]
    public void Real_samples_import_what_links_a_paper_and_skip_the_rest_and_reposts()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var importer = new TweetImporter(store) { MeasuredAt = _ => MeasuredAt };

        var page = importer.ImportFile(Social("x-v2-search-arxiv.json"));
        Assert.Equal((1, 1, 1, 0, 0), (page.Posts, page.Snapshots, page.Links, page.Reposts, page.WithoutPaper));
        Assert.Empty(page.Problems);
        Assert.Equal(1, importer.ImportFile(Social("x-v2-search-all-retweet-2021.json")).Reposts);
        Assert.Equal(1, importer.ImportFile(Social("x-v1-status-2020.json")).WithoutPaper);
        Assert.Equal(1, importer.ImportFile(Social("twint-2021.jsonl")).WithoutPaper);
        Assert.Equal(2, importer.ImportFile(Social("x-v2-search-minimal-2022.json")).WithoutPaper);

        Assert.Equal(1, store.CountRows("social_posts"));
        Assert.Equal(1, store.CountRows("post_arxiv_links"));
    }

    [Fact]
    public void The_original_tools_file_links_each_tweet_to_its_paper_even_without_a_link_in_the_text()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var result = new TweetImporter(store) { MeasuredAt = _ => MeasuredAt }.ImportFile(Social("papers_with_tweets.json"));
        Assert.Empty(result.Problems);
        Assert.Equal((3, 3, 3), (result.Posts, result.Snapshots, result.Links));
        Assert.Equal(["2010.13581"], store.LoadArxivLinks("x", "1320903000000000000"));
        Assert.Equal(["2010.13154"], store.LoadArxivLinks("x", "1320902933144391680"));
    }

    [Theory]
    [InlineData("x-v1.jsonl", 2, new[]
    {
        ":2: not JSON (at byte 81): Expected end of string, but instead reached end of data.",
        ":4: the status has no id_str",
        ":5: status 1320902933144391680: created_at 'yesterday' is not like 'Sun Feb 09 05:25:02 +0000 2020'",
    })]
    [InlineData("twint.jsonl", 1, new[]
    {
        ":2: id 'not-a-number' is not a number",
        ":3: tweet 1438063287002861572 has no username",
        ":4: not a tweet of any known format (x-v2, x-v1, twint, original)",
        ":5: not JSON (at byte 38): Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.",
    })]
    [InlineData("x-v2.jsonl", 1, new[]
    {
        ":2: tweet id '12ab' is not a number",
        ":3: $.data[0].text has the wrong type for this format",
        ":4: not JSON (at byte 2): 'not json at all' is an invalid JSON literal. Expected the literal 'null'.",
    })]
    public void Broken_lines_are_reported_with_file_and_line_and_the_good_ones_are_kept(string file, int good, string[] problems)
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var path = TestData.PathOf("social", "broken", file);
        var result = new TweetImporter(store) { MeasuredAt = _ => MeasuredAt }.ImportFile(path);
        Assert.Equal(problems.Select(p => path + p), result.Problems);
        Assert.Equal(good, result.Posts);
        Assert.Equal(good, store.CountRows("social_posts"));
        Assert.Equal(good, store.CountRows("engagement_snapshots"));
    }

    [Fact]
    public void Importing_again_changes_nothing_and_a_later_measurement_appends_a_snapshot()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var path = Social("papers_with_tweets.json");
        new TweetImporter(store) { MeasuredAt = _ => MeasuredAt }.ImportFile(path);
        var counts = Counts(store);
        new TweetImporter(store) { MeasuredAt = _ => MeasuredAt }.ImportFile(path);
        Assert.Equal(counts, Counts(store));
        new TweetImporter(store) { MeasuredAt = _ => MeasuredAt.AddDays(1) }.ImportFile(path);
        Assert.Equal(counts.Snapshots + 3, store.CountRows("engagement_snapshots"));
    }

    [Fact]
    public void A_forced_format_refuses_lines_of_another()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var path = Social("twint-2021.jsonl");
        var result = new TweetImporter(store).ImportFile(path, TweetFormat.XV2);
        Assert.Equal([$"{path}:1: looks like twint, not x-v2"], result.Problems);
    }

    [Fact]
    public async Task The_command_reports_each_file_and_each_bad_line_and_exits_1()
    {
        using var dir = new TempDirectory();
        var broken = TestData.PathOf("social", "broken", "x-v2.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await HotPapers.Cli.HotPapersCli.RunAsync(
            ["--db", dir.File("t.db"), "import", "tweets", Social("papers_with_tweets.json"), broken, "--measured-at", "2026-11-01T12:00:00Z"], output, error, _ => null);
        Assert.Equal(1, code);
        Assert.Contains($"imported {Social("papers_with_tweets.json")}: 3 posts, 3 snapshots, 3 paper links; skipped 0 reposts, 0 without an arXiv link, 0 bad", output.ToString());
        Assert.Contains($"hotpapers: {broken}:2: tweet id '12ab' is not a number", error.ToString());
    }

    private static (long Posts, long Links, long Snapshots) Counts(HotPapers.Store.HotPapersStore store) =>
        (store.CountRows("social_posts"), store.CountRows("post_arxiv_links"), store.CountRows("engagement_snapshots"));
}
