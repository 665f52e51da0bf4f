using System.Globalization;
using System.Text;

namespace HotPapers.Testing.Importing;

/// <summary>
/// Deterministic X API v2 JSONL in twarc's flattened form (one tweet per line, author inline, <c>__twarc.retrieved_at</c>),
/// each post linking one arXiv paper through a t.co URL entity, with a mention and a hashtag. Shared by the
/// concurrency test and the import benchmark (bench/HotPapers.Bench links this file).
/// <para>
/// With <c>refetched</c>, the first half of the lines are posts 0…n/2−1 fetched at <see cref="FirstFetch"/> and the
/// second half are posts n/4…3n/4−1 fetched again at <see cref="SecondFetch"/> with higher counts: n/2 + n/4 distinct
/// posts, and the posts in the middle have two snapshots. Without it, every line is a distinct post.
/// </para>
/// </summary>
public static class SyntheticXV2
{
    public static readonly DateTimeOffset FirstFetch = new(2021, 6, 11, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SecondFetch = FirstFetch.AddHours(6);
    public const int Papers = 2000;

    public static string PostId(int post) => (1403000000000000000L + post * 4096L).ToString(CultureInfo.InvariantCulture);

    public static string Paper(int post) => "2106." + (post % Papers + 1).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Which post line <paramref name="line"/> of an <paramref name="lines"/>-line file holds, and when it was fetched.</summary>
    public static (int Post, bool Second) At(int line, int lines, bool refetched) =>
        !refetched || line < lines / 2 ? (line, false) : (line - lines / 2 + lines / 4, true);

    public static (int Reposts, int Likes) Counts(int post, bool second) =>
        second ? (post % 97 + 5, post % 1009 + 20) : (post % 97, post % 1009);

    public static int DistinctPosts(int lines, bool refetched) => refetched ? lines / 2 + lines / 4 : lines;

    public static string Line(int line, int lines, bool refetched)
    {
        var (post, second) = At(line, lines, refetched);
        var (reposts, likes) = Counts(post, second);
        var user = "user" + (post % 5000).ToString(CultureInfo.InvariantCulture);
        var tco = "https://t.co/" + post.ToString("x10", CultureInfo.InvariantCulture);
        var text = $"New paper: {tco} by @{user} #MachineLearning";
        var mentionStart = 11 + tco.Length + 4;
        var mentionEnd = mentionStart + 1 + user.Length;
        var created = FirstFetch.AddHours(-20).AddSeconds(post % 70000).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var fetched = (second ? SecondFetch : FirstFetch).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(700);
        sb.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{PostId(post)}\",\"text\":\"{text}\",\"created_at\":\"{created}\",\"lang\":\"en\",\"author_id\":\"{post % 5000 + 1000}\",");
        sb.Append(CultureInfo.InvariantCulture, $"\"author\":{{\"id\":\"{post % 5000 + 1000}\",\"name\":\"Author {post % 5000}\",\"username\":\"{user}\"}},");
        sb.Append(CultureInfo.InvariantCulture, $"\"public_metrics\":{{\"retweet_count\":{reposts},\"reply_count\":0,\"like_count\":{likes},\"quote_count\":0}},");
        sb.Append(CultureInfo.InvariantCulture, $"\"entities\":{{\"urls\":[{{\"start\":11,\"end\":{11 + tco.Length},\"url\":\"{tco}\",\"expanded_url\":\"https://arxiv.org/abs/{Paper(post)}\",\"display_url\":\"arxiv.org/abs/{Paper(post)}\"}}],");
        sb.Append(CultureInfo.InvariantCulture, $"\"mentions\":[{{\"start\":{mentionStart},\"end\":{mentionEnd},\"username\":\"{user}\"}}],");
        sb.Append(CultureInfo.InvariantCulture, $"\"hashtags\":[{{\"start\":{mentionEnd + 1},\"end\":{mentionEnd + 17},\"tag\":\"MachineLearning\"}}]}},");
        sb.Append(CultureInfo.InvariantCulture, $"\"__twarc\":{{\"retrieved_at\":\"{fetched}\"}}}}");
        return sb.ToString();
    }

    /// <summary>Writes the whole file (UTF-8, LF).</summary>
    public static void Write(string path, int lines, bool refetched)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        for (var i = 0; i < lines; i++) writer.WriteLine(Line(i, lines, refetched));
    }
}
