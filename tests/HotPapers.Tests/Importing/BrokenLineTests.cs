using HotPapers.Importing.Tweets;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// A corpus of broken records per format: each bad one is reported as <c>file:line: reason</c> (exactly), and
/// every good record around them is read and stored.
/// </summary>
public class BrokenLineTests
{
    private const string Urls = "\"entities\":{\"urls\":[{\"start\":6,\"end\":29,\"url\":\"https://t.co/abcdefghij\",\"expanded_url\":\"https://arxiv.org/abs/2106.01234\"}]}";

    private static string V2(string id, string createdAt = "2021-06-10T12:00:00.000Z", string likes = "2", string extra = "") =>
        $"{{\"id\":\"{id}\",\"text\":\"paper https://t.co/abcdefghij\",\"created_at\":\"{createdAt}\",\"lang\":\"en\",\"author\":{{\"id\":\"9\",\"name\":\"A\",\"username\":\"a\"}},"
        + $"\"public_metrics\":{{\"retweet_count\":1,\"reply_count\":0,\"like_count\":{likes},\"quote_count\":0}},{Urls}{extra}}}";

    private static string V1(string idField = "\"id_str\":\"2001\"", string createdAt = "Thu Jun 10 12:00:00 +0000 2021", string retweets = "5", string indices = "[6,29]", string user = "{\"id_str\":\"9\",\"name\":\"A\",\"screen_name\":\"a\"}") =>
        $"{{{idField},\"created_at\":\"{createdAt}\",\"full_text\":\"paper https://t.co/abcdefghij\",\"user\":{user},\"retweet_count\":{retweets},\"favorite_count\":7,"
        + $"\"entities\":{{\"urls\":[{{\"url\":\"https://t.co/abcdefghij\",\"expanded_url\":\"https://arxiv.org/abs/2106.01234\",\"indices\":{indices}}}]}},\"lang\":\"en\"}}";

    private static string Twint(string id = "1403000000000000001", string likes = "3", string text = "\"tweet\": \"new paper  https://t.co/abcdefghij\", ", string created = "\"2021-06-10 08:00:00 EDT\"") =>
        $"{{\"id\": {id}, \"created_at\": {created}, \"timezone\": \"-0400\", \"username\": \"a\", \"name\": \"A\", {text}\"language\": \"en\", "
        + $"\"urls\": [\"https://arxiv.org/abs/2106.01234\"], \"replies_count\": 0, \"retweets_count\": 1, \"likes_count\": {likes}, \"hashtags\": [], \"link\": \"https://twitter.com/A/status/{id.Trim('"')}\"}}";

    private static (ReadOutcome Read, List<string> Stored) Import(string name, string content, TweetFormat? format = null)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        File.WriteAllText(path, content);
        var read = ReadOutcome.OfFile(path, format);
        using var temp = new TempStore();
        using var store = temp.Open();
        var problems = new List<string>();
        var result = new TweetImporter(store).ImportFile(path, format, p => problems.Add(p.ToString()));
        Assert.Equal(read.Problems, problems);
        Assert.Equal(problems.Count, result.BadLines);
        return (read with { Problems = read.Problems.Select(p => p[(path.Length + 1)..]).ToList() }, StoreQueries.PostIds(store));
    }

    [Fact]
    public void X_v2_jsonl()
    {
        string[] lines =
        [
            V2("1001"),
            "",
            "{\"id\":\"1002\",\"text\":\"cut off",
            "{\"text\":\"no id here https://arxiv.org/abs/2106.01234\"}",
            V2("1004", createdAt: "yesterday"),
            V2("1005", likes: "\"many\""),
            V2("1006").Replace("\"id\":\"1006\"", "\"id\":1006"),
            "[1,2]",
            V2("1008"),
            "not json",
            "{\"data\":[" + V2("1010") + ",{\"text\":\"no id\"}],\"includes\":{\"users\":[]}}",
            V2("1011", extra: ",\"__twarc\":{\"retrieved_at\":\"later\"}"),
            V2("abc"),
            "{\"meta\":{\"result_count\":0}}",
            V2("1014"),
        ];
        var (read, stored) = Import("v2.jsonl", string.Join("\n", lines));
        Assert.Equal(
        [
            "3: the JSON ends early (truncated)",
            "4: tweet has no id",
            "5: created_at 'yesterday' is not an ISO 8601 time",
            "6: public_metrics.like_count has the wrong type",
            "7: id has the wrong type",
            "8: expected a tweet or response object, found an array",
            "10: not valid JSON at byte 2: 'not json' is an invalid JSON literal. Expected the literal 'null'",
            "11: data[1]: tweet has no id",
            "12: __twarc.retrieved_at 'later' is not an ISO 8601 time",
            "13: tweet id 'abc' is not a number",
        ], read.Problems);
        Assert.Equal(["1001", "1008", "1010", "1014"], read.Ids);
        Assert.Equal(["1001", "1008", "1010", "1014"], stored);
    }

    [Fact]
    public void X_v1_jsonl()
    {
        string[] lines =
        [
            V1(),
            "{\"id_str\":\"2002\",\"created_at\":",
            V1(idField: "\"idx\":1"),
            V1(idField: "\"id_str\":\"2004\"", createdAt: "2021-06-10"),
            V1(idField: "\"id_str\":\"2005\"", retweets: "\"5\""),
            V1(idField: "\"id_str\":\"2006\"", indices: "[6]"),
            "   ",
            V1(idField: "\"id\":2008"),
            V1(idField: "\"id_str\":\"2009\"", user: "\"a\""),
            V1(idField: "\"id_str\":\"x2010\""),
            V1(idField: "\"id_str\":\"2011\""),
        ];
        var (read, stored) = Import("v1.jsonl", string.Join("\n", lines) + "\n");
        Assert.Equal(
        [
            "2: the JSON ends early (truncated)",
            "3: status has no id_str",
            "4: created_at '2021-06-10' is not a v1.1 time such as 'Sun Feb 09 05:25:02 +0000 2020'",
            "5: retweet_count is a string, not a count",
            "6: entities.urls[0].indices is not a [start, end] pair",
            "9: user is a string, not an object",
            "10: id_str 'x2010' is not a tweet id",
        ], read.Problems);
        Assert.Equal(["2001", "2008", "2011"], read.Ids);
        Assert.Equal(["2001", "2008", "2011"], stored);
    }

    [Fact]
    public void Twint_jsonl()
    {
        string[] lines =
        [
            Twint(),
            Twint().Replace("\"id\": 1403000000000000001, ", ""),
            Twint(id: "\"abc\""),
            Twint(id: "1403000000000000004", likes: "\"lots\""),
            Twint(id: "1403000000000000005", text: ""),
            "{\"id\": 1403000000000000006, \"tweet\": \"half",
            Twint(id: "12345", created: "\"sometime\""),
            Twint(id: "12346", created: "1276000000000"),
            Twint(id: "1403000000000000009"),
        ];
        var (read, stored) = Import("tweets.json", string.Join("\r\n", lines) + "\r\n");
        Assert.Equal(
        [
            "2: id is missing",
            "3: id 'abc' is not a tweet id",
            "4: likes_count is a string, not a count",
            "5: tweet (the text) is missing",
            "6: the JSON ends early (truncated)",
            "7: created_at \"sometime\" is not a time, and id 12345 is older than Snowflake ids",
        ], read.Problems);
        Assert.Equal(["1403000000000000001", "12346", "1403000000000000009"], read.Ids);
        Assert.Equal(new DateTimeOffset(2010, 6, 8, 12, 26, 40, TimeSpan.Zero), read.Post("12346").Post.CreatedAt); // old twint: epoch ms
        Assert.Equal("new paper https://t.co/abcdefghij", read.Tweets[0].Post.Text);
        Assert.Equal(["12346", "1403000000000000001", "1403000000000000009"], stored);
    }

    [Fact]
    public void Original_tool_document_cut_off_at_the_end_keeps_every_complete_paper_before_the_cut()
    {
        var embed = File.ReadAllText(TestData.PathOf("imports", "original-papers_with_tweets.json"));
        var html = System.Text.Json.JsonDocument.Parse(embed).RootElement.GetProperty("papers")[0].GetProperty("tweets")[0].GetProperty("html").GetRawText();
        string[] lines =
        [
            "{",
            "  \"meta\": {\"fetched_at\": \"2020-10-28T09:50:30Z\"},",
            "  \"papers\": [",
            "    {\"arxiv_id\": \"2010.13581\", \"tweets\": [",
            $"      {{\"retweet_count\": 1, \"favorite_count\": 2, \"html\": {html}}},",
            "      {\"retweet_count\": 1, \"favorite_count\": 2, \"html\": \"<p>not an embed</p>\"},",
            $"      {{\"retweet_count\": \"1\", \"favorite_count\": 2, \"html\": {html}}},",
            "      {\"id_str\": \"1320900424820510721\", \"created_at\": \"Tue Oct 27 02:00:00 +0000 2020\", \"full_text\": \"see arXiv:2010.99999\", \"retweet_count\": 3, \"favorite_count\": 4}",
            "    ]},",
            "    {\"title\": \"no id\", \"tweets\": []},",
            "    {\"arxiv_id\": \"2010.13154\", \"fetched_at\": \"soon\", \"tweets\": []},",
            "    {\"arxiv_id\": \"2010.12606\", \"tweets\": [",
            "      {\"retweet_count\": 1, \"favorite_count\": 2, \"html\": \"<blockquote",
        ];
        var (read, stored) = Import("papers_with_tweets.json", string.Join("\n", lines));
        Assert.Equal(TweetFormat.Original, read.Format);
        Assert.Equal(
        [
            "6: papers[0].tweets[1].html has no <blockquote> line",
            "7: papers[0].tweets[2].retweet_count is a string, not a count",
            "10: papers[1] has no arxiv_id",
            "11: papers[2].fetched_at 'soon' is not an ISO 8601 time",
            "13: the JSON ends early (truncated)",
        ], read.Problems);
        Assert.Equal(["1320900424820510720", "1320900424820510721"], read.Ids);
        Assert.Equal(["2010.13581", "2010.99999"], read.Tweets[1].Papers.Select(p => p.Value));
        Assert.Equal(["1320900424820510720", "1320900424820510721"], stored);
    }

    [Fact]
    public void A_v2_response_document_reports_each_bad_tweet_at_its_own_line()
    {
        string[] lines =
        [
            "{",
            "  \"data\": [",
            "    " + V2("1001") + ",",
            "    {\"text\": \"no id\"},",
            "    " + V2("1003", createdAt: "2021-13-45T00:00:00Z") + ",",
            "    " + V2("1004"),
            "  ],",
            "  \"includes\": {\"users\": [{\"id\": \"9\", \"name\": \"A\", \"username\": \"a\"}]},",
            "  \"meta\": {\"result_count\": 4}",
            "}",
        ];
        var (read, stored) = Import("page.json", string.Join("\n", lines) + "\n");
        Assert.Equal(TweetFormat.XV2, read.Format);
        Assert.Equal(["4: tweet has no id", "5: created_at '2021-13-45T00:00:00Z' is not an ISO 8601 time"], read.Problems);
        Assert.Equal(["1001", "1004"], stored);
    }

    [Fact]
    public void A_file_whose_format_cannot_be_told_says_so_and_stores_nothing()
    {
        var (read, stored) = Import("other.jsonl", "{\"hello\": 1}\n{\"world\": 2}\n");
        Assert.Null(read.Format);
        Assert.Equal(
        [
            "1: not a tweet in any known format (x-v2, x-v1, twint, original); name one with --format",
            "2: not a tweet in any known format (x-v2, x-v1, twint, original); name one with --format",
        ], read.Problems);
        Assert.Empty(stored);
    }
}
