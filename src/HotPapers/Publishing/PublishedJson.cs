using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HotPapers.Publishing;

/// <summary>
/// How the published JSON files (a day's, a paper's) are written: indented, with "\n" line ends and a final newline,
/// non-ASCII text kept readable rather than \u-escaped. Each thread keeps one buffer and one writer, reset for each
/// file: a site build writes a thousand days (about 50 KB each) and 15,000 papers, and a MemoryStream doubling up to
/// each file's size (then copied out) allocated several times as much.
/// </summary>
internal static class PublishedJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Titles, names and posts are full of non-ASCII text.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    // A rare huge file does not leave its buffer with the thread.
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    /// <summary>What <paramref name="write"/> writes of <paramref name="value"/>, as UTF-8 bytes ending in a newline.</summary>
    public static byte[] Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        write(json, value);
        json.Flush();
        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        if (buffer.Capacity > MaxKeptCapacity) t_buffer = null;
        return bytes;
    }
}
