using System.Text.Json;

namespace HotPapers.Importing.Tweets;

/// <summary>An element of a JSON document with the line it starts on and its bytes' span.</summary>
internal readonly record struct ScannedElement(string Container, int Index, JsonElement Element, int Line, int Start, int End);

/// <summary>
/// One pass over a whole JSON document (not JSONL) that keeps, with their line numbers, the elements of the root
/// array or of the root object's arrays, and the root object's other properties. A document that breaks off is
/// kept up to the last complete element, and the break is reported at its line; so one truncated record does
/// not lose the records before it.
/// </summary>
internal sealed class JsonScan
{
    public bool RootIsArray { get; private set; }
    public bool RootIsObject { get; private set; }
    public List<string> PropertyNames { get; } = [];
    public List<ScannedElement> Items { get; } = [];
    public Dictionary<string, JsonElement> Properties { get; } = new(StringComparer.Ordinal);
    public (int Line, string Message)? Error { get; private set; }

    public IEnumerable<ScannedElement> ItemsOf(string container) => Items.Where(i => i.Container == container);

    public static JsonScan Scan(ReadOnlySpan<byte> bytes, int baseLine = 1)
    {
        var scan = new JsonScan();
        var lines = new LineCounter(baseLine);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                scan.Error = (baseLine, "the file holds no JSON");
                return scan;
            }
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                scan.RootIsArray = true;
                ReadArray(ref reader, bytes, "", scan, lines);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                scan.RootIsObject = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    scan.PropertyNames.Add(name);
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray) ReadArray(ref reader, bytes, name, scan, lines);
                    else scan.Properties[name] = JsonElement.ParseValue(ref reader);
                }
            }
            else
            {
                scan.Error = (lines.At(bytes, (int)reader.TokenStartIndex), "the document is not a JSON object or array");
                return scan;
            }
            if (reader.Read())
                scan.Error = (lines.At(bytes, (int)reader.TokenStartIndex), "more JSON follows the end of the document");
        }
        catch (JsonException e)
        {
            var lineIndex = (int)(e.LineNumber ?? 0);
            var at = LineStart(bytes, lineIndex) + (int)(e.BytePositionInLine ?? 0);
            var last = bytes.TrimEnd(" \t\r\n"u8).Length - 1;
            // Cut off: say so at the last line that holds anything, not at the empty end after it.
            scan.Error = at > last
                ? (baseLine + bytes[..Math.Max(last, 0)].Count((byte)'\n'), "the JSON ends early (truncated)")
                : (baseLine + lineIndex, JsonErrors.Describe(e, LineBytes(bytes, lineIndex)));
        }
        return scan;
    }

    private static void ReadArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, string container, JsonScan scan, LineCounter lines)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var line = lines.At(bytes, start);
            var element = JsonElement.ParseValue(ref reader);
            scan.Items.Add(new ScannedElement(container, index++, element, line, start, (int)reader.BytesConsumed));
        }
    }

    private static int LineStart(ReadOnlySpan<byte> bytes, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var nl = bytes[start..].IndexOf((byte)'\n');
            if (nl < 0) return bytes.Length;
            start += nl + 1;
        }
        return start;
    }

    /// <summary>The UTF-8 length of the 0-based line <paramref name="index"/> (without its line end).</summary>
    private static int LineBytes(ReadOnlySpan<byte> bytes, int index)
    {
        var rest = bytes;
        for (var i = 0; i < index; i++)
        {
            var nl = rest.IndexOf((byte)'\n');
            if (nl < 0) return 0;
            rest = rest[(nl + 1)..];
        }
        var end = rest.IndexOf((byte)'\n');
        var line = end < 0 ? rest : rest[..end];
        return line.TrimEnd((byte)'\r').TrimEnd((byte)' ').Length;
    }

    /// <summary>Line numbers of increasing byte offsets, counting newlines once.</summary>
    private sealed class LineCounter(int baseLine)
    {
        private int _offset;
        private int _line = baseLine;

        public int At(ReadOnlySpan<byte> bytes, int offset)
        {
            if (offset > _offset)
            {
                _line += bytes[_offset..offset].Count((byte)'\n');
                _offset = offset;
            }
            return _line;
        }
    }
}
