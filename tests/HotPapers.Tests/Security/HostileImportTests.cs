using System.Text;
using HotPapers.Importing.Tweets;
using HotPapers.Tests.Importing;
using HotPapers.Testing;

namespace HotPapers.Tests.Security;

/// <summary>
/// Tweet dumps written by someone hostile (issue 13, items 2, 3 and 8): every bad record is reported as
/// <c>file:line: reason</c> and skipped, the good records around it are stored.
/// </summary>
public class HostileImportTests
{
    private const string Urls = "\"urls\":[{\"start\":6,\"end\":29,\"url\":\"https://t.co/abcdefghij\",\"expanded_url\":\"https://arxiv.org/abs/2106.01234\"}]";

    private static string V2(string id, string username = "a", string lang = "en", string text = "paper https://t.co/abcdefghij", string metrics = "\"retweet_count\":1,\"like_count\":2", string entities = Urls) =>
        $"{{\"id\":\"{id}\",\"text\":\"{text}\",\"created_at\":\"2021-06-10T12:00:00.000Z\",\"lang\":\"{lang}\",\"author\":{{\"id\":\"9\",\"name\":\"A\",\"username\":\"{username}\"}},"
        + $"\"public_metrics\":{{{metrics}}},\"entities\":{{{entities}}}}}";

    private static (List<string> Problems, List<string> Stored) Import(string content) => Import(Encoding.UTF8.GetBytes(content));

    private static (List<string> Problems, List<string> Stored) Import(byte[] content)
    {
        using var dir = new TempDirectory();
        var path = dir.File("dump.jsonl");
        File.WriteAllBytes(path, content);
        using var temp = new TempStore();
        using var store = temp.Open();
        var problems = new List<string>();
        new TweetImporter(store).ImportFile(path, null, p => problems.Add(p.ToString()[(path.Length + 1)..]));
        return (problems, StoreQueries.PostIds(store));
    }

    [Fact]
    public void Fields_the_renderer_prints_are_checked_on_the_way_in()
    {
        string[] lines =
        [
            V2("1001"),
            V2("1002", username: "<script>alert(1)</script>"),
            V2("1003", username: "a\\\" onerror=\\\"alert(1)"),
            V2("1004", lang: "en\\\" onerror=\\\"alert(1)"),
            V2("1005", text: "paper https://t.co/abcdefghij @x", entities: Urls + ",\"mentions\":[{\"start\":30,\"end\":32,\"username\":\"x\\\"><script>\"}]"),
            V2("1006", text: "paper javascript:alert(1)", entities: "\"urls\":[{\"start\":6,\"end\":25,\"url\":\"javascript:alert(1)\",\"expanded_url\":\"https://arxiv.org/abs/2106.01234\"}]"),
            V2("1007", username: "sixteen_chars_xx"),
            V2("1008", text: "paper https://t.co/abcdefghij \\u0000 cut"),
            V2("1009", metrics: "\"retweet_count\":-5,\"like_count\":2"),
            V2("1010", metrics: "\"retweet_count\":3000000000,\"like_count\":2"),
            V2("1011", username: "Good_Handle_15c", lang: "zh-Hant"),
        ];
        var (problems, stored) = Import(string.Join('\n', lines) + "\n");
        Assert.Equal(["1001", "1011"], stored);
        Assert.Equal(
        [
            "2: tweet 1002: author handle '<script>alert(1)</script>' is not an X handle ([A-Za-z0-9_], 1 to 15 characters)",
            "3: tweet 1003: author handle 'a\" onerror=\"alert(1)' is not an X handle ([A-Za-z0-9_], 1 to 15 characters)",
            "4: tweet 1004: lang 'en\" onerror=\"alert(1)' is not a BCP 47 language tag",
            "5: tweet 1005: mention 'x\"><script>' is not an X handle",
            "6: tweet 1006: link target 'javascript:alert(1)' is not an http(s) URL",
            "7: tweet 1007: author handle 'sixteen_chars_xx' is not an X handle ([A-Za-z0-9_], 1 to 15 characters)",
            "8: tweet 1008: the text holds a NUL character",
            "9: tweet 1009: negative counts (reposts -5, likes 2)",
            "10: public_metrics.retweet_count is 3000000000, not a whole number from 0 to 2147483647",
        ], problems);
    }

    [Fact]
    public void The_v1_and_twint_readers_are_held_to_the_same_rules()
    {
        static string V1(string id, string screenName) =>
            $"{{\"id_str\":\"{id}\",\"created_at\":\"Thu Jun 10 12:00:00 +0000 2021\",\"full_text\":\"paper https://t.co/abcdefghij\",\"user\":{{\"id_str\":\"9\",\"name\":\"A\",\"screen_name\":\"{screenName}\"}},"
            + "\"retweet_count\":5,\"favorite_count\":7,\"entities\":{\"urls\":[{\"url\":\"https://t.co/abcdefghij\",\"expanded_url\":\"https://arxiv.org/abs/2106.01234\",\"indices\":[6,29]}]},\"lang\":\"en\"}";
        static string Twint(string id, string language) =>
            $"{{\"id\": {id}, \"created_at\": \"2021-06-10 08:00:00 EDT\", \"timezone\": \"-0400\", \"username\": \"a\", \"name\": \"A\", \"tweet\": \"new paper  https://t.co/abcdefghij\", \"language\": \"{language}\", "
            + $"\"urls\": [\"https://arxiv.org/abs/2106.01234\"], \"replies_count\": 0, \"retweets_count\": 1, \"likes_count\": 3, \"hashtags\": [], \"link\": \"https://twitter.com/A/status/{id}\"}}";

        var (v1Problems, v1Stored) = Import(V1("2001", "a") + "\n" + V1("2002", "a\\\"><script>alert(1)</script>") + "\n");
        Assert.Equal(["2001"], v1Stored);
        Assert.Equal(["2: tweet 2002: author handle 'a\"><script>alert(1)</script>' is not an X handle ([A-Za-z0-9_], 1 to 15 characters)"], v1Problems);

        var (twintProblems, twintStored) = Import(Twint("1403000000000000001", "en") + "\n" + Twint("1403000000000000002", "en\\\" onmouseover=\\\"x") + "\n");
        Assert.Equal(["1403000000000000001"], twintStored);
        Assert.Equal(["2: tweet 1403000000000000002: lang 'en\" onmouseover=\"x' is not a BCP 47 language tag"], twintProblems);
    }

    [Fact]
    public void A_count_above_32_bits_in_a_response_document_is_reported_with_its_value()
    {
        var document = "{\"data\": [\n" + V2("1001") + ",\n" + V2("1002", metrics: "\"retweet_count\":3000000000,\"like_count\":2") + "\n]}\n";
        var (problems, stored) = Import(document);
        Assert.Equal(["1001"], stored);
        Assert.Equal(["3: public_metrics.retweet_count is 3000000000, not a whole number from 0 to 2147483647"], problems);
    }

    [Fact]
    public void A_line_that_is_not_UTF8_is_reported_at_its_line_and_the_rest_is_stored()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(V2("1001") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(V2("1002", text: "paper https://t.co/abcdefghij caf").Replace("caf", "caf\u0001")));
        var bad = bytes.LastIndexOf(1);
        bytes[bad] = 0xE9; // Latin-1 'é': not UTF-8
        bytes.Add((byte)'\n');
        bytes.AddRange(Encoding.UTF8.GetBytes(V2("1003", text: "paper https://t.co/abcdefghij café") + "\n"));
        var (problems, stored) = Import(bytes.ToArray());
        Assert.Equal(["1001", "1003"], stored);
        var column = bad - (Encoding.UTF8.GetByteCount(V2("1001")) + 1) + 1;
        Assert.Equal([$"2: bytes that are not UTF-8 at byte {column} of the line"], problems);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_in_a_document_stop_the_document_at_their_line()
    {
        var json = "{\n  \"meta\": {\"fetched_at\": \"2020-10-28T09:50:30Z\"},\n  \"papers\": [\n    {\"arxiv_id\": \"2010.13581\", \"tweets\": [{\"id\": \"1\", \"full_text\": \"x\"}]}\n  ]\n}\n";
        var bytes = Encoding.UTF8.GetBytes(json.Replace("\"x\"", "\"\u0001\""));
        var bad = Array.IndexOf(bytes, (byte)1);
        bytes[bad] = 0xFF;
        var column = bad - Array.LastIndexOf(bytes, (byte)'\n', bad);
        var (problems, stored) = Import(bytes);
        Assert.Empty(stored);
        Assert.Equal([$"4: bytes that are not UTF-8 at byte {column} of the line (nothing of this document is imported)"], problems);
    }

    [Fact]
    public void The_original_tools_html_goes_through_the_allow_list()
    {
        var original = File.ReadAllText(TestData.PathOf("imports", "original-papers_with_tweets.json"));
        const string Script = "<script async src=\\\"https://platform.twitter.com/widgets.js\\\" charset=\\\"utf-8\\\"></script>";
        var first = original.IndexOf(Script + "\"", StringComparison.Ordinal);
        Assert.True(first > 0);
        var hostile = original[..first] + Script + "\\n<script>alert(1)</script>" + original[(first + Script.Length)..];
        var line = hostile[..first].Count(c => c == '\n') + 1;
        var (problems, stored) = Import(hostile);
        Assert.Equal([$"{line - 3}: papers[0].tweets[0].html is refused: something follows the script"], problems.Select(p => p).ToList());
        Assert.DoesNotContain("1320900424820510720", stored);
        Assert.NotEmpty(stored);
    }
}
