using System.Globalization;
using System.Text;

namespace HotPapers.Tests.TestSupport;

/// <summary>
/// Deterministic X API v2 JSON Lines dumps for volume tests and benchmarks: one response page of one tweet per line,
/// each linking one of 5,000 papers through its expanded URL, with counts that depend on the post and on a
/// <c>countsOffset</c> (so a later dump of the same posts can carry newer counts).
/// </summary>
public static class SyntheticXDump
{
    public const long FirstId = 1403000000000000000;

    public static (int Reposts, int Likes) Counts(long n, int countsOffset) => ((int)(n % 97) + countsOffset, (int)(n % 1013) + 2 * countsOffset);

    public static void Write(string path, long from, long count, int countsOffset = 0, bool append = false)
    {
        using var writer = new StreamWriter(path, append, new UTF8Encoding(false), bufferSize: 1 << 16);
        var line = new StringBuilder(600);
        for (var n = from; n < from + count; n++)
        {
            var id = (FirstId + n * 4096).ToString(CultureInfo.InvariantCulture);
            var paper = $"2106.{n % 5000 + 1:D5}";
            var tco = $"https://t.co/{n:x10}";
            var text = $"New paper {n}: {tco}";
            var (reposts, likes) = Counts(n, countsOffset);
            var handle = $"user{n % 20011}";
            var start = (text.Length - tco.Length).ToString(CultureInfo.InvariantCulture);
            var end = text.Length.ToString(CultureInfo.InvariantCulture);
            line.Clear()
                .Append("{\"data\":[{\"id\":\"").Append(id).Append("\",\"text\":\"").Append(text)
                .Append("\",\"created_at\":\"2021-06-10T12:00:00.000Z\",\"lang\":\"en\",\"author_id\":\"").Append(handle)
                .Append("\",\"public_metrics\":{\"retweet_count\":").Append(reposts.ToString(CultureInfo.InvariantCulture))
                .Append(",\"reply_count\":0,\"like_count\":").Append(likes.ToString(CultureInfo.InvariantCulture))
                .Append(",\"quote_count\":0},\"entities\":{\"urls\":[{\"start\":").Append(start).Append(",\"end\":").Append(end)
                .Append(",\"url\":\"").Append(tco).Append("\",\"expanded_url\":\"https://arxiv.org/abs/").Append(paper)
                .Append("\",\"display_url\":\"arxiv.org/abs/").Append(paper).Append("\"}]}}],\"includes\":{\"users\":[{\"id\":\"")
                .Append(handle).Append("\",\"name\":\"User ").Append(handle[4..]).Append("\",\"username\":\"").Append(handle).Append("\"}]}}");
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
