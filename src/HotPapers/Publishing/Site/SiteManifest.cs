using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// What a built site was built from, kept in the site folder (<see cref="FileName"/>): the settings key, the store
/// and the position of its change log the build read it at, the clock the days without a stored digest printed,
/// per day its summary (what the index, archive and feed show), per paper what the category pages and the search
/// index show, and the content key of each page built from every day or every paper. The next build with the same
/// settings asks the store what changed since that position, rebuilds those days and papers, and renders the
/// listings from this plus the changed papers, without loading the rest. A missing, unreadable or foreign manifest
/// means a full build.
/// </summary>
internal sealed class SiteManifest
{
    public const string FileName = ".hotpapers-manifest.json";

    private const int Format = 2;

    public required string Settings { get; init; }

    public required StorePosition Store { get; init; }

    /// <summary>The clock: what a day without a stored digest printed as its generation time.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Window file stem → the day's summary, and whether it had no stored digest (so it printed <see cref="Now"/>).</summary>
    public Dictionary<string, (DaySummary Summary, bool Clocked)> Days { get; } = new(StringComparer.Ordinal);

    /// <summary>arXiv id → what the listings show of the paper, and its search score.</summary>
    public SortedDictionary<string, (ListedPaper Paper, int Score)> Papers { get; } = new(StringComparer.Ordinal);

    /// <summary>Site path → content key, for the files built from every day or every paper (ordinal order).</summary>
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// What the listings need of a paper, kept in the manifest: its id, title, authors, categories and newest listing
    /// date (the abstract and links stay out; the listings do not show them).
    /// </summary>
    public static ListedPaper ListingOf(ListedPaper listed)
    {
        var paper = listed.Paper;
        IReadOnlyList<DateOnly> newest = listed.ListingDates.Count == 0 ? [] : [listed.ListingDates[0]];
        return new ListedPaper(new Paper(paper.Id, paper.Title, paper.Authors, paper.Subjects, "", "", null, paper.ListingDate, 0), newest);
    }

    /// <summary>The manifest's bytes: days in <paramref name="windows"/> order (newest first), everything else sorted; one line per day and paper.</summary>
    public byte[] Write(IReadOnlyList<DigestWindow> windows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            void NewLine()
            {
                json.Flush();
                buffer.WriteByte((byte)'\n');
            }
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("settings", Settings);
            json.WriteString("store", Store.StoreId);
            json.WriteNumber("position", Store.Next);
            json.WriteString("now", Now.ToString("O", CultureInfo.InvariantCulture));
            json.WriteStartArray("days");
            foreach (var window in windows)
            {
                NewLine();
                var (day, clocked) = Days[window.FileStem];
                json.WriteStartArray();
                json.WriteStringValue(window.FileStem);
                json.WriteBooleanValue(clocked);
                json.WriteStringValue(day.Updated.ToString("O", CultureInfo.InvariantCulture));
                foreach (var p in day.Papers)
                {
                    json.WriteNumberValue(p.Rank);
                    json.WriteStringValue(p.Id.Value);
                    json.WriteStringValue(p.Title);
                    json.WriteNumberValue(p.Reposts);
                    json.WriteNumberValue(p.Likes);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("papers");
            foreach (var (id, (listed, score)) in Papers)
            {
                NewLine();
                var paper = listed.Paper;
                json.WriteStartArray();
                json.WriteStringValue(id);
                json.WriteNumberValue(score);
                json.WriteStringValue(listed.ListingDates.Count == 0 ? "" : DigestWindow.Format(listed.ListingDates[0]));
                json.WriteStringValue(paper.Title);
                json.WriteStartArray();
                foreach (var author in paper.Authors) json.WriteStringValue(author);
                json.WriteEndArray();
                foreach (var subject in paper.Subjects)
                {
                    json.WriteStringValue(subject.Code);
                    if (subject.Name is null) json.WriteNullValue();
                    else json.WriteStringValue(subject.Name);
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            NewLine();
            json.WriteStartObject("files");
            foreach (var (path, key) in Files) json.WriteString(path, key);
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
            var manifest = new SiteManifest
            {
                Settings = settings,
                Store = new StorePosition(root.GetProperty("store").GetString()!, root.GetProperty("position").GetInt64()),
                Now = ParseTime(root.GetProperty("now")),
            };
            foreach (var day in root.GetProperty("days").EnumerateArray())
            {
                var stem = day[0].GetString()!;
                if (!SitePaths.TryParseWindowStem(stem, out var window)) return null;
                var count = day.GetArrayLength();
                if ((count - 3) % 5 != 0) return null;
                var papers = new List<DaySummaryPaper>((count - 3) / 5);
                for (var i = 3; i < count; i += 5)
                    papers.Add(new DaySummaryPaper(day[i].GetInt32(), ArxivId.Parse(day[i + 1].GetString()!), day[i + 2].GetString()!, day[i + 3].GetInt32(), day[i + 4].GetInt32()));
                manifest.Days[stem] = (new DaySummary(window, ParseTime(day[2]), papers), day[1].GetBoolean());
            }
            foreach (var entry in root.GetProperty("papers").EnumerateArray())
            {
                var id = entry[0].GetString()!;
                var newest = entry[2].GetString()!;
                IReadOnlyList<DateOnly> dates = newest.Length == 0 ? [] : [StoreSql.ParseDate(newest)];
                var authors = entry[4].EnumerateArray().Select(a => a.GetString()!).ToList();
                var subjects = new List<Subject>();
                for (var i = 5; i + 1 < entry.GetArrayLength(); i += 2) subjects.Add(new Subject(entry[i].GetString()!, entry[i + 1].GetString()));
                var paper = new Paper(ArxivId.Parse(id), entry[3].GetString()!, authors, subjects, "", "", null, dates.Count == 0 ? DateOnly.MinValue : dates[0], 0);
                manifest.Papers[id] = (new ListedPaper(paper, dates), entry[1].GetInt32());
            }
            foreach (var file in root.GetProperty("files").EnumerateObject()) manifest.Files[file.Name] = file.Value.GetString()!;
            return manifest;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return null; // not a manifest this version can trust: build everything
        }
    }

    /// <summary>A content key: the first 16 bytes of the SHA-256, in hex.</summary>
    public static string Key(string text) => Key(System.Text.Encoding.UTF8.GetBytes(text));

    public static string Key(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)[..16]);

    private static DateTimeOffset ParseTime(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
