using System.Buffers;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// The lines of a UTF-8 stream as bytes, split where <see cref="StreamReader.ReadLine"/> splits (LF, CR LF or a lone
/// CR) and numbered from 1, with a leading UTF-8 byte order mark dropped. The bytes are not decoded: a JSONL import
/// parses them as they are, and checks them for UTF-8 once, here, instead of in a pass of its own over the file.
/// Each line is a view of a pooled buffer that the next line reuses.
/// </summary>
internal static class Utf8LineSplitter
{
    public static IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> Lines(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int start = 0, end = 0, number = 0;
            var atEnd = false;
            while (end < 3 && !atEnd)
            {
                var got = stream.Read(buffer, end, buffer.Length - end);
                atEnd = got == 0;
                end += got;
            }
            if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8)) start = 3;
            var skipLf = false; // the previous line ended with a CR: a LF right after it belongs to that line end
            while (true)
            {
                var span = buffer.AsSpan(start, end - start);
                if (skipLf && span.Length > 0)
                {
                    if (span[0] == (byte)'\n') start++;
                    skipLf = false;
                    continue;
                }
                var cut = span.IndexOfAny((byte)'\n', (byte)'\r');
                if (cut >= 0)
                {
                    var lineStart = start;
                    skipLf = span[cut] == (byte)'\r';
                    start += cut + 1;
                    yield return (++number, buffer.AsMemory(lineStart, cut));
                    continue;
                }
                if (atEnd)
                {
                    if (span.Length > 0) yield return (++number, buffer.AsMemory(start, span.Length));
                    yield break;
                }
                // Keep the unfinished line, moved to the front (in a bigger buffer when it fills this one).
                if (start == 0 && end == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, end).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                else if (start > 0)
                {
                    span.CopyTo(buffer);
                    end -= start;
                    start = 0;
                }
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0) atEnd = true;
                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
