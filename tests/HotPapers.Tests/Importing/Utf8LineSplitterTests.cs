using System.Text;
using HotPapers.Importing.Tweets;

namespace HotPapers.Tests.Importing;

/// <summary>
/// The JSONL import splits lines as bytes: where and how it splits must be where <see cref="StreamReader.ReadLine"/>
/// splits the same text, so line numbers in error messages stay what they were.
/// </summary>
public class Utf8LineSplitterTests
{
    public static TheoryData<string> Texts =>
    [
        "",
        "a",
        "a\n",
        "a\nb",
        "a\r\nb\r\n",
        "a\rb\r",
        "a\r\rb\n\nc",
        "\n\n",
        "\r",
        "\uFEFFa\nb",
        "\uFEFF",
        "é\n😀\r\nz",
        new string('x', 70_000) + "\r\n" + new string('y', 200_000) + "\nend", // lines longer than the buffer
        string.Concat(Enumerable.Range(0, 20_000).Select(i => i % 3 == 0 ? $"line {i}\r\n" : $"line {i}\n")),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Lines_are_split_and_numbered_as_a_stream_reader_reads_them(string text)
    {
        var expected = new List<(int, string)>();
        using (var reader = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            var n = 0;
            while (reader.ReadLine() is { } line) expected.Add((++n, line));
        }
        var actual = Utf8LineSplitter.Lines(new SmallReadsStream(Encoding.UTF8.GetBytes(text)))
            .Select(l => (l.Number, Encoding.UTF8.GetString(l.Bytes.Span))).ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>Hands out its bytes in reads of varying, small sizes, to cut lines and CR LF pairs at every place.</summary>
    private sealed class SmallReadsStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + _reads++ % 7));
    }
}
