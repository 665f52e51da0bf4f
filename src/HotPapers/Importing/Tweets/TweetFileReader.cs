using System.Text;
using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Social.X;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// One tweet read from a dump, or why a part of it could not be read. <see cref="Paper"/> is set when the file
/// itself says which paper the tweet is about (the original tool's file), beside the papers its links name.
/// </summary>
public sealed record TweetRecord(int Line, XReadTweet? Tweet, ArxivId? Paper, string? Error);

/// <summary>
/// Reads a tweet dump as a stream of <see cref="TweetRecord"/>s. JSON Lines files (twint, v1.1 or v2 lines) are read a
/// line at a time, so a bad line costs only itself; a file holding one JSON document (a v2 response, a v1.1 array,
/// the original tool's file) is read whole, each element reported at the line it starts on.
/// </summary>
public static class TweetFileReader
{
    public static IEnumerable<TweetRecord> Read(string path, TweetFormat? format)
    {
        var bytes = File.ReadAllBytes(path);
        return IsSingleDocument(bytes) ? ReadDocument(bytes, format) : ReadLines(path, format);
    }

    /// <summary>A file is one document unless its first non-empty line is a complete JSON value followed by more lines.</summary>
    private static bool IsSingleDocument(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(2).ToList();
        if (lines.Count < 2) return true;
        try
        {
            using var first = JsonDocument.Parse(lines[0]);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static IEnumerable<TweetRecord> ReadLines(string path, TweetFormat? format)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            // The bulk case, a v2 page per line (twarc, our own dumps), is read straight into the model: half the work.
            if (format is null or TweetFormat.XV2 && line.StartsWith("{\"data\":", StringComparison.Ordinal))
            {
                List<TweetRecord> page;
                try
                {
                    page = XTweetConverter.Read(XJson.Deserialize<XResponse>(line)).Select(t => new TweetRecord(number, t, null, null)).ToList();
                }
                catch (JsonException e)
                {
                    page = [new TweetRecord(number, null, null, Problem(e))];
                }
                catch (FormatException e)
                {
                    page = [new TweetRecord(number, null, null, e.Message)];
                }
                foreach (var record in page) yield return record;
                continue;
            }
            JsonDocument document;
            string? problem = null;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                document = null!;
                problem = Problem(e);
            }
            if (problem is not null)
            {
                yield return new TweetRecord(number, null, null, problem);
                continue;
            }
            using (document)
            {
                foreach (var record in ReadValue(document.RootElement, number, format)) yield return record;
            }
        }
    }

    private static IEnumerable<TweetRecord> ReadDocument(byte[] bytes, TweetFormat? format)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return [new TweetRecord((int)(e.LineNumber ?? 0) + 1, null, null, Problem(e))];
        }
        using (document)
        {
            var lines = LineIndex.Of(bytes);
            var root = document.RootElement;
            var records = new List<TweetRecord>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var (element, line) in ElementsWithLines(bytes, lines)) records.AddRange(ReadValue(element, line, format));
            }
            else
            {
                records.AddRange(ReadValue(root, 1, format));
            }
            return records;
        }
    }

    /// <summary>One JSON value: a v2 page or tweet, a v1.1 status, a twint line, or the original tool's whole file.</summary>
    private static IEnumerable<TweetRecord> ReadValue(JsonElement value, int line, TweetFormat? format)
    {
        var detected = TweetFormats.Detect(value);
        if (detected is null)
            return [new TweetRecord(line, null, null, "not a tweet of any known format (x-v2, x-v1, twint, original)")];
        if (format is { } expected && expected != detected && !(expected == TweetFormat.Original && detected == TweetFormat.XV1))
            return [new TweetRecord(line, null, null, $"looks like {TweetFormats.Name(detected.Value)}, not {TweetFormats.Name(expected)}")];
        try
        {
            return detected switch
            {
                TweetFormat.XV2 => ReadV2(value, line),
                TweetFormat.XV1 => [One(line, LegacyStatus.ToV2(value), null)],
                TweetFormat.Twint => [new TweetRecord(line, TwintRecord.Read(value), null, null)],
                _ => OriginalFile.Read(value, line),
            };
        }
        catch (JsonException e)
        {
            return [new TweetRecord(line, null, null, Problem(e))];
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return [new TweetRecord(line, null, null, e.Message)];
        }
    }

    private static IEnumerable<TweetRecord> ReadV2(JsonElement value, int line)
    {
        if (value.TryGetProperty("data", out _) || value.TryGetProperty("includes", out _))
        {
            var page = XJson.Deserialize<XResponse>(value);
            return XTweetConverter.Read(page).Select(t => new TweetRecord(line, t, null, null)).ToList();
        }
        var tweet = XJson.Deserialize<XTweet>(value);
        return [new TweetRecord(line, XTweetConverter.Read(tweet, tweet.Author), null, null)];
    }

    /// <summary>System.Text.Json's message without its own position suffix, which would name line 0 of a one-line read.</summary>
    private static string Problem(JsonException e)
    {
        if (e.Path is { Length: > 1 } path) return $"{path} has the wrong type for this format";
        var message = e.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix > 0) message = message[..suffix];
        return $"not JSON (at byte {(e.BytePositionInLine ?? 0) + 1}): {message}";
    }

    internal static TweetRecord One(int line, (XTweet Tweet, XUser? Author) v2, ArxivId? paper) =>
        new(line, XTweetConverter.Read(v2.Tweet, v2.Author), paper, null);

    /// <summary>The top-level array's elements with the line each starts on.</summary>
    private static IEnumerable<(JsonElement Element, int Line)> ElementsWithLines(byte[] bytes, LineIndex lines)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var found = new List<(JsonElement, int)>();
        reader.Read(); // the array
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineAt(reader.TokenStartIndex);
            using var element = JsonDocument.ParseValue(ref reader);
            found.Add((element.RootElement.Clone(), line));
        }
        return found;
    }

    /// <summary>Byte offset to 1-based line number.</summary>
    private sealed class LineIndex(List<long> starts)
    {
        public static LineIndex Of(byte[] bytes)
        {
            var starts = new List<long> { 0 };
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') starts.Add(i + 1);
            return new LineIndex(starts);
        }

        public int LineAt(long offset)
        {
            var i = starts.BinarySearch(offset);
            return (i >= 0 ? i : ~i - 1) + 1;
        }
    }
}
