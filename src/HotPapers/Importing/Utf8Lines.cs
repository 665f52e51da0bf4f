using System.Buffers;
using System.Text.Unicode;

namespace HotPapers.Importing;

/// <summary>
/// Finds the lines of a file that are not valid UTF-8, so a reader can name them (<c>file:line</c>) instead of
/// letting the decoder replace the bad bytes with U+FFFD without a word.
/// </summary>
public static class Utf8Lines
{
    /// <summary>Where a byte sequence that is not UTF-8 starts: the 1-based line, and the 1-based byte within it.</summary>
    public readonly record struct InvalidAt(int Line, int Byte);

    /// <summary>The first invalid sequence in <paramref name="bytes"/>, or null when all of it is UTF-8.</summary>
    public static InvalidAt? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        var index = InvalidIndex(bytes);
        var before = bytes[..index];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new InvalidAt(before.Count((byte)'\n') + 1, index - lineStart + 1);
    }

    /// <summary>Every line holding bytes that are not UTF-8, with the first bad byte of each, read from <paramref name="stream"/>.</summary>
    public static List<InvalidAt> AllInvalid(Stream stream)
    {
        var found = new List<InvalidAt>();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            // Whole lines are checked at a time: a line that does not fit the buffer is carried over and grown.
            var held = 0;
            var line = 1;
            int read;
            do
            {
                if (held == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, held).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                read = stream.Read(buffer, held, buffer.Length - held);
                var data = buffer.AsSpan(0, held + read);
                var end = read == 0 ? data.Length : data.LastIndexOf((byte)'\n') + 1;
                if (end == 0)
                {
                    held = data.Length;
                    continue;
                }
                var chunk = data[..end];
                if (Utf8.IsValid(chunk))
                {
                    line += chunk.Count((byte)'\n');
                }
                else
                {
                    for (var rest = chunk; !rest.IsEmpty; line++)
                    {
                        var newline = rest.IndexOf((byte)'\n');
                        var text = newline < 0 ? rest : rest[..newline];
                        if (!Utf8.IsValid(text)) found.Add(new InvalidAt(line, InvalidIndex(text) + 1));
                        rest = newline < 0 ? default : rest[(newline + 1)..];
                    }
                }
                data[end..].CopyTo(buffer);
                held = data.Length - end;
            }
            while (read > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return found;
    }

    private static int InvalidIndex(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, chars, out var bytesRead, out _, replaceInvalidSequences: false);
            return bytesRead;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The one-line report of an invalid sequence.</summary>
    public static string Describe(InvalidAt at) => $"bytes that are not UTF-8 at byte {at.Byte} of the line";
}
