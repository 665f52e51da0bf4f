using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HotPapers.Domain;

namespace HotPapers.Publishing.Site;

/// <summary>
/// What a built site was built from, kept in the site folder (<see cref="FileName"/>): the key of the build's
/// settings, per output file the key of its inputs (or of its bytes, for the pages built from every day or
/// every paper), per day its summary for the index, archive and feed, and per paper its search score. A rebuild
/// with the same settings key redoes only the outputs whose keys changed; a missing, unreadable or foreign
/// manifest means a full build.
/// </summary>
internal sealed class SiteManifest
{
    public const string FileName = ".hotpapers-manifest.json";

    private const int Format = 1;

    public required string Settings { get; init; }

    /// <summary>Site path → key, ordinal order.</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Window file stem → the day's key and summary.</summary>
    public Dictionary<string, (string Key, DaySummary Summary)> Days { get; } = new(StringComparer.Ordinal);

    /// <summary>arXiv id → score the search index ranks by.</summary>
    public SortedDictionary<string, int> Scores { get; } = new(StringComparer.Ordinal);

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest's bytes: days in <paramref name="windows"/> order (newest first), everything else sorted.</summary>
    public byte[] Write(IReadOnlyList<DigestWindow> windows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("settings", Settings);
            json.WriteStartArray("days");
            foreach (var window in windows)
            {
                var (key, day) = Days[window.FileStem];
                json.WriteStartObject();
                json.WriteString("window", window.FileStem);
                json.WriteString("key", key);
                json.WriteString("updated", day.Updated.ToString("O", CultureInfo.InvariantCulture));
                json.WriteStartArray("papers");
                foreach (var p in day.Papers)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(p.Rank);
                    json.WriteStringValue(p.Id.Value);
                    json.WriteStringValue(p.Title);
                    json.WriteNumberValue(p.Reposts);
                    json.WriteNumberValue(p.Likes);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("files");
            foreach (var (path, key) in Files) json.WriteString(path, key);
            json.WriteEndObject();
            json.WriteStartObject("scores");
            foreach (var (id, score) in Scores) json.WriteNumber(id, score);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The manifest of the site in <paramref name="folder"/> when it was built with these settings; otherwise null.</summary>
    public static SiteManifest? TryRead(string folder, string settings)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != Format || root.GetProperty("settings").GetString() != settings) return null;
            var manifest = new SiteManifest { Settings = settings };
            foreach (var day in root.GetProperty("days").EnumerateArray())
            {
                var stem = day.GetProperty("window").GetString()!;
                if (!SitePaths.TryParseWindowStem(stem, out var window)) return null;
                var papers = day.GetProperty("papers").EnumerateArray().Select(p => new DaySummaryPaper(
                    p[0].GetInt32(), ArxivId.Parse(p[1].GetString()!), p[2].GetString()!, p[3].GetInt32(), p[4].GetInt32())).ToList();
                var updated = DateTimeOffset.Parse(day.GetProperty("updated").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                manifest.Days[stem] = (day.GetProperty("key").GetString()!, new DaySummary(window, updated, papers));
            }
            foreach (var file in root.GetProperty("files").EnumerateObject()) manifest.Files[file.Name] = file.Value.GetString()!;
            foreach (var score in root.GetProperty("scores").EnumerateObject()) manifest.Scores[score.Name] = score.Value.GetInt32();
            return manifest;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null; // not a manifest this version can trust: build everything
        }
    }
}
