using System.Text;
using System.Text.Json;
using HotPapers.Importing.Tweets;
using HotPapers.Testing;
using HotPapers.Testing.Importing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// The quick reader of twarc's flattened tweets (<see cref="XV2FlatTweetParser"/>) against the serializer's path
/// it stands in for: line by line, what is read (posts, papers, counts, times, entities) and what is reported must
/// be the same, whichever of the two reads the line.
/// </summary>
public class FlatTweetParserTests
{
    private const string Author = "\"author\":{\"id\":\"9\",\"name\":\"Ana \\u00e9 \\ud83d\\ude00\",\"username\":\"ana_9\"}";
    private const string Metrics = "\"public_metrics\":{\"retweet_count\":1,\"reply_count\":0,\"like_count\":2,\"quote_count\":0}";
    private const string Url = "{\"start\":6,\"end\":29,\"url\":\"https://t.co/abcdefghij\",\"expanded_url\":\"https://arxiv.org/abs/2106.01234\",\"display_url\":\"arxiv.org/abs/2106.01234\"}";

    private static string Tweet(string text = "paper https://t.co/abcdefghij", string extra = "", string entities = $"\"entities\":{{\"urls\":[{Url}]}}") =>
        $"{{\"id\":\"1403000000000000001\",\"text\":\"{text}\",\"created_at\":\"2021-06-10T12:00:00.000Z\",\"lang\":\"en\",{Author},{Metrics},{entities}{extra}}}";

    /// <summary>Lines the quick reader takes.</summary>
    public static TheoryData<string> Taken =>
    [
        SyntheticXV2.Line(0, 10, refetched: false),
        SyntheticXV2.Line(9, 10, refetched: true),
        Tweet(),
        Tweet("caf\\u00e9 &amp; \\ud83d\\ude00 paper https://t.co/abcdefghij"), // escapes, an HTML entity, a surrogate pair
        Tweet(extra: ",\"__twarc\":{\"retrieved_at\":\"2021-06-11T08:00:00+00:00\",\"url\":\"https://api.twitter.com/2/tweets/search/all\",\"version\":\"2.10.4\"}"),
        Tweet(extra: ",\"edit_history_tweet_ids\":[\"1403000000000000001\"],\"conversation_id\":\"1403000000000000001\",\"in_reply_to_user_id\":\"12\",\"author_id\":\"9\""),
        Tweet(extra: ",\"possibly_sensitive\":false,\"context_annotations\":[{\"domain\":{\"id\":\"66\",\"name\":\"Interests\"}}],\"attachments\":{\"media_keys\":[\"3_1\"]}"),
        Tweet(entities: $"\"entities\":{{\"urls\":[{Url},{{\"start\":30,\"end\":53,\"url\":\"https://t.co/zzzzzzzzzz\",\"expanded_url\":\"https://twitter.com/a/status/1/photo/1\",\"display_url\":\"pic.twitter.com/zzzzzzzzzz\",\"media_key\":\"3_1\",\"unwound_url\":\"https://arxiv.org/abs/2106.05555\",\"status\":200,\"images\":[{{\"url\":\"https://x\",\"width\":1}}]}}],"
            + "\"mentions\":[{\"start\":0,\"end\":4,\"username\":\"bob\",\"id\":\"77\"}],\"hashtags\":[{\"start\":54,\"end\":57,\"tag\":\"ML\"}],\"cashtags\":[{\"start\":58,\"end\":63,\"tag\":\"GOOG\"}],\"annotations\":[{\"start\":1,\"end\":2,\"probability\":0.5}]}",
            text: "@bob paper https://t.co/abcdefghij https://t.co/zzzzzzzzzz #ML $GOOG"),
        Tweet(extra: ",\"lang\":\"fr\",\"text\":\"later text wins https://t.co/abcdefghij\""), // a repeated property: the last one counts
        "{\"\\u0069d\":\"1403000000000000002\",\"text\":\"no author, no time, no counts https://arxiv.org/abs/2106.01234\"}",
        "  " + Tweet() + "  ",
        // Read, then refused by the checks both ways share (with the same words):
        Tweet().Replace("\"like_count\":2", "\"like_count\":-3"),
        Tweet().Replace("\"id\":\"1403000000000000001\"", "\"id\":\"14030x\""),
        Tweet().Replace("2021-06-10T12:00:00.000Z", "yesterday"),
    ];

    /// <summary>Lines left to the serializer's path (which also words their errors).</summary>
    public static TheoryData<string> Left =>
    [
        Tweet(extra: ",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"5\"}]"),
        Tweet(extra: ",\"note_tweet\":{\"text\":\"long paper https://t.co/abcdefghij\"}"),
        Tweet().Replace("\"like_count\":2", "\"like_count\":\"2\""), // a number as a string: the serializer allows it
        Tweet().Replace("\"lang\":\"en\"", "\"lang\":null"),
        Tweet().Replace("\"like_count\":2", "\"like_count\":2.5"),
        Tweet().Replace("\"like_count\":2", "\"like_count\":99999999999"),
        Tweet(extra: ",\"edit_history_tweet_ids\":\"1\""),
        Tweet(extra: ",\"conversation_id\":5"),
        Tweet().Replace("\"start\":6", "\"start\":\"6\""),
        Tweet() + " {}",
        Tweet()[..^1],
        "{\"data\":[{\"id\":\"1\",\"text\":\"x https://arxiv.org/abs/2106.01234\",\"author_id\":\"9\"}],\"includes\":{\"users\":[{\"id\":\"9\",\"name\":\"N\",\"username\":\"n\"}]}}",
        "{\"lang\":\"en\"}",
        "null",
        "[1]",
        "{\"id\":\"1\",\"text\":\"x\" /* comment */}",
    ];

    [Theory]
    [MemberData(nameof(Taken))]
    public void A_flattened_tweet_is_read_the_quick_way_to_what_the_serializer_reads(string line)
    {
        Assert.True(XV2FlatTweetParser.TryParse(Encoding.UTF8.GetBytes(line), out _, out _));
        var (quick, serializer) = BothWays(line);
        Assert.NotEmpty(quick);
        Assert.Equal(serializer, quick);
    }

    [Theory]
    [MemberData(nameof(Left))]
    public void Anything_else_is_left_to_the_serializer_and_reads_and_fails_as_before(string line)
    {
        Assert.False(XV2FlatTweetParser.TryParse(Encoding.UTF8.GetBytes(line), out _, out _));
        var (quick, serializer) = BothWays(line);
        Assert.Equal(serializer, quick);
    }

    [Fact]
    public void The_sample_files_read_the_same_either_way()
    {
        foreach (var name in new[] { "x-v2-tweepy-minimal.jsonl" })
            foreach (var line in File.ReadAllLines(TestData.PathOf("imports", name)).Where(l => l.Length > 0))
            {
                var (quick, serializer) = BothWays(line);
                Assert.Equal(serializer, quick);
            }
    }

    /// <summary>Every item read from the line, as text: by the importer's path, and by the serializer's alone.</summary>
    private static (List<string> Quick, List<string> Serializer) BothWays(string line)
    {
        var quick = new RecordSink("f.jsonl");
        XV2Reader.ReadLine(Encoding.UTF8.GetBytes(line), quick);
        var serializer = new RecordSink("f.jsonl");
        XV2Reader.ReadLine(line, serializer);
        return (quick.Items.Select(Describe).ToList(), serializer.Items.Select(Describe).ToList());
    }

    private static string Describe(TweetReadItem item) =>
        item.Problem is { } problem
            ? problem.ToString()
            : JsonSerializer.Serialize(item.Tweet) + " papers " + string.Join(',', item.Tweet!.Papers.Select(p => p.Value))
              + " entities " + string.Join(';', item.Tweet.Post.Entities.Select(e => e.ToString()));
}
