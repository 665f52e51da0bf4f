using System.Text;
using System.Text.Json;
using HotPapers.Social.X;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// Reads one tweet file, streaming: JSONL line by line, or a whole JSON document (a response page, an array of
/// statuses, the original tool's file). The container is told from the first lines: a file starting with '[' or
/// with a line that is not a JSON value by itself (a pretty-printed document) is a document, else JSONL. The
/// format is the one given, or told from the first record that is a JSON object (<see cref="TweetFormatDetector"/>).
/// Every record that cannot be read becomes an <see cref="ImportProblem"/> at its line; the rest is read.
/// </summary>
public sealed class TweetFileReader
{
    private readonly string _file;
    private readonly Func<Stream> _open;

    public TweetFileReader(string file, TweetFormat? format = null)
        : this(file, () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), format)
    {
    }

    public TweetFileReader(string name, Func<Stream> open, TweetFormat? format = null)
    {
        _file = name;
        _open = open;
        Format = format;
    }

    /// <summary>The format given, or the one detected once reading has got that far (null when none could be told).</summary>
    public TweetFormat? Format { get; private set; }

    public static TweetFileReader FromText(string name, string content, TweetFormat? format = null) =>
        new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(content)), format);

    public IEnumerable<TweetReadItem> Read()
    {
        var sink = new RecordSink(_file);
        using var lines = Lines().GetEnumerator();
        var head = new List<(int Line, byte[] Bytes)>();
        // The first two non-blank lines decide between JSONL and a document.
        while (head.Count(l => !IsBlank(l.Bytes)) < 2 && lines.MoveNext()) head.Add((lines.Current.Number, lines.Current.Bytes.ToArray()));
        var firstTwo = head.Where(l => !IsBlank(l.Bytes)).Select(l => Encoding.UTF8.GetString(l.Bytes)).ToList();
        if (firstTwo.Count == 0) yield break;
        if (IsDocument(firstTwo))
        {
            lines.Dispose();
            foreach (var item in ReadDocument(sink)) yield return item;
            yield break;
        }

        foreach (var (line, bytes) in head.Select(l => (l.Line, new ReadOnlyMemory<byte>(l.Bytes))).Concat(Rest(lines)))
        {
            var content = bytes.Span;
            if (IsBlank(content)) continue;
            sink.Line = line;
            if (Utf8Lines.FirstInvalid(content) is { } bad)
            {
                // The decoder would turn these bytes into U+FFFD: the line is reported, not read with its text changed.
                yield return new TweetReadItem(null, new ImportProblem(_file, line, Utf8Lines.Describe(bad)));
                continue;
            }
            if (Format is null)
            {
                Detect(Encoding.UTF8.GetString(content), sink);
                if (Format == TweetFormat.Original)
                {
                    lines.Dispose();
                    foreach (var item in ReadDocument(sink)) yield return item;
                    yield break;
                }
            }
            if (Format is { } format) ReadLine(format, content, sink);
            foreach (var item in sink.Items) yield return item;
            sink.Items.Clear();
        }
    }

    /// <summary>
    /// The file's lines as UTF-8. A UTF-16 file (told by its byte order mark) is decoded and each line encoded
    /// back: such files are rare, and this keeps one path for the rest.
    /// </summary>
    private IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> Lines()
    {
        bool utf16;
        using (var start = _open())
        {
            Span<byte> head = stackalloc byte[2];
            utf16 = start.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && IsUtf16(head);
        }
        using var stream = _open();
        if (!utf16)
        {
            foreach (var line in Utf8LineSplitter.Lines(stream)) yield return line;
            yield break;
        }
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var number = 0;
        while (reader.ReadLine() is { } text) yield return (++number, Encoding.UTF8.GetBytes(text));
    }

    private static bool IsUtf16(ReadOnlySpan<byte> bytes) => bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    private static IEnumerable<(int, ReadOnlyMemory<byte>)> Rest(IEnumerator<(int Number, ReadOnlyMemory<byte> Bytes)> lines)
    {
        while (lines.MoveNext()) yield return lines.Current;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var i = line.IndexOfAnyExcept(" \t\v\f"u8);
        if (i < 0) return true;
        if (line[i] is > 0x20 and < 0x7F) return false; // the usual case: the line starts with a printable character
        return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
    }

    private static bool IsDocument(List<string> firstTwo)
    {
        var first = firstTwo[0].Trim();
        if (first.StartsWith('[')) return true;
        if (IsJsonValue(first)) return false;
        if (first == "{") return true;
        // A first line that is not a value by itself: a broken JSONL line if the next one is a value, else a document.
        return firstTwo.Count < 2 || !IsJsonValue(firstTwo[1]);
    }

    private static bool IsJsonValue(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Tells the format from a line; a line that does not tell is reported (and read by nothing).</summary>
    private void Detect(string line, RecordSink sink)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            Format = TweetFormatDetector.OfRecord(document.RootElement);
            if (Format is null) sink.Problem($"not a tweet in any known format ({string.Join(", ", TweetFormats.Names)}); name one with --format");
        }
        catch (JsonException e)
        {
            sink.Problem(JsonErrors.Describe(e, Encoding.UTF8.GetByteCount(line.TrimEnd()), line));
        }
    }

    private static void ReadLine(TweetFormat format, ReadOnlySpan<byte> utf8, RecordSink sink)
    {
        if (format == TweetFormat.XV2)
        {
            XV2Reader.ReadLine(utf8, sink); // the hot path: straight into typed objects, no DOM
            return;
        }
        var line = Encoding.UTF8.GetString(utf8);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            sink.Problem(JsonErrors.Describe(e, Encoding.UTF8.GetByteCount(line.TrimEnd()), line));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            switch (format)
            {
                case TweetFormat.XV1 when root.ValueKind == JsonValueKind.Array:
                    var i = 0;
                    foreach (var status in root.EnumerateArray()) XV1Reader.Read(status, sink, $"[{i++}]: ");
                    break;
                case TweetFormat.XV1:
                    XV1Reader.Read(root, sink);
                    break;
                case TweetFormat.Twint:
                    TwintReader.Read(root, sink);
                    break;
                default:
                    sink.Problem("an original-tool file is one JSON document, not JSON lines");
                    break;
            }
        }
    }

    private IEnumerable<TweetReadItem> ReadDocument(RecordSink sink)
    {
        byte[] bytes;
        using (var stream = _open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        var json = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsMemory(3) : bytes.AsMemory();
        if (!IsUtf16(bytes) && Utf8Lines.FirstInvalid(json.Span) is not null)
        {
            // A document is read as one piece: with bytes that are not UTF-8 in it, none of it is taken.
            foreach (var bad in Utf8Lines.AllInvalid(new MemoryStream(bytes)))
                sink.Problem(bad.Line, $"{Utf8Lines.Describe(bad)} (nothing of this document is imported)");
            return sink.Items;
        }
        var scan = JsonScan.Scan(json.Span);
        Format ??= TweetFormatDetector.OfDocument(scan) ?? SingleRecordFormat(json.Span);
        ReadDocument(scan, json.Span, sink);
        if (scan.Error is { } error) sink.Problem(error.Line, error.Message);
        return sink.Items;
    }

    private static TweetFormat? SingleRecordFormat(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return TweetFormatDetector.OfRecord(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void ReadDocument(JsonScan scan, ReadOnlySpan<byte> json, RecordSink sink)
    {
        sink.Line = 1;
        switch (Format)
        {
            case null:
                if (scan.Error is null)
                    sink.Problem($"cannot tell the format ({string.Join(", ", TweetFormats.Names)}); name it with --format");
                return;
            case TweetFormat.Original when scan.RootIsObject:
                OriginalToolReader.Read(scan, json, sink);
                return;
            case TweetFormat.Original:
                sink.Problem("an original-tool file is a JSON object with meta and papers, not an array");
                return;
        }
        if (scan.RootIsArray)
        {
            foreach (var item in scan.Items)
            {
                sink.Line = item.Line;
                switch (Format)
                {
                    case TweetFormat.XV2: XV2Reader.ReadElement(item.Element, sink); break;
                    case TweetFormat.XV1: XV1Reader.Read(item.Element, sink); break;
                    default: TwintReader.Read(item.Element, sink); break;
                }
            }
            return;
        }
        if (!scan.RootIsObject) return;
        if (Format == TweetFormat.XV2 && scan.PropertyNames.Any(n => n is "data" or "includes" or "meta" or "errors"))
        {
            ReadV2Response(scan, sink);
            return;
        }
        // One record as the whole document (a pretty-printed status or tweet).
        if (scan.Error is not null) return;
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        switch (Format)
        {
            case TweetFormat.XV2: XV2Reader.ReadElement(document.RootElement, sink); break;
            case TweetFormat.XV1: XV1Reader.Read(document.RootElement, sink); break;
            default: TwintReader.Read(document.RootElement, sink); break;
        }
    }

    /// <summary>A whole response page: each tweet of <c>data</c> at its own line, joined with <c>includes</c>.</summary>
    private static void ReadV2Response(JsonScan scan, RecordSink sink)
    {
        XIncludes? includes = null;
        string? retrievedAt = null;
        try
        {
            if (scan.Properties.TryGetValue("includes", out var inc)) includes = inc.Deserialize<XIncludes>(XJson.Options);
            if (scan.Properties.TryGetValue("__twarc", out var twarc)) retrievedAt = twarc.Deserialize<XV2Line.TwarcInfo>(XJson.Options)?.RetrievedAt;
        }
        catch (JsonException e)
        {
            sink.Problem(1, $"includes: {JsonErrors.Describe(e, int.MaxValue)}");
            return;
        }
        if (!XV2Reader.TryMeasuredAt(retrievedAt, sink, out var measured)) return;
        var context = new XV2Reader.ResponseContext(includes, measured);
        var tweets = scan.ItemsOf("data").Select(i => (i.Element, i.Line)).ToList();
        if (scan.Properties.TryGetValue("data", out var single)) tweets.Add((single, 1));
        foreach (var (element, line) in tweets)
        {
            sink.Line = line;
            XTweet tweet;
            try
            {
                tweet = element.ValueKind == JsonValueKind.Object
                    ? element.Deserialize<XTweet>(XJson.Options)!
                    : throw new TweetRecordException($"expected a tweet object, found {JsonValues.Kind(element)}");
            }
            catch (JsonException e)
            {
                sink.Problem(JsonErrors.Describe(e, int.MaxValue, element.GetRawText()));
                continue;
            }
            catch (TweetRecordException e)
            {
                sink.Problem(e.Message);
                continue;
            }
            XV2Reader.ReadTweet(tweet, context, sink, "");
        }
    }
}
