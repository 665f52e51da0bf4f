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

    /// <summary>Whether two papers show the same in the listings (<see cref="ListingOf"/> of each).</summary>
    public static bool SameListing(ListedPaper a, ListedPaper b) =>
        a.Paper.Id == b.Paper.Id && a.Paper.Title == b.Paper.Title && a.Paper.ListingDate == b.Paper.ListingDate
        && a.Paper.Authors.SequenceEqual(b.Paper.Authors) && a.Paper.Subjects.SequenceEqual(b.Paper.Subjects)
        && a.ListingDates.Take(1).SequenceEqual(b.ListingDates.Take(1));

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
            return Read(File.ReadAllBytes(path), settings);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return null; // not a manifest this version can trust: build everything
        }
    }

    /// <summary>
    /// Reads the manifest as a stream of tokens (it holds every paper and every day: a few megabytes that a
    /// document tree would copy once more). Each arXiv id is parsed once; the days' papers share the papers' ids.
    /// </summary>
    private static SiteManifest? Read(byte[] bytes, string settings)
    {
        var json = new Utf8JsonReader(bytes);
        Expect(ref json, JsonTokenType.StartObject);
        string? store = null, now = null;
        long? position = null;
        var format = 0;
        var papers = new SortedDictionary<string, (ListedPaper Paper, int Score)>(StringComparer.Ordinal);
        var days = new Dictionary<string, (DaySummary Summary, bool Clocked)>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, ArxivId>(StringComparer.Ordinal);
        ArxivId Id(string text) => ids.TryGetValue(text, out var id) ? id : ids[text] = ArxivId.Parse(text);
        while (Next(ref json) == JsonTokenType.PropertyName)
        {
            var name = json.GetString();
            switch (name)
            {
                case "format":
                    Expect(ref json, JsonTokenType.Number);
                    format = json.GetInt32();
                    if (format != Format) return null;
                    break;
                case "settings":
                    if (String(ref json) != settings) return null;
                    break;
                case "store": store = String(ref json); break;
                case "position":
                    Expect(ref json, JsonTokenType.Number);
                    position = json.GetInt64();
                    break;
                case "now": now = String(ref json); break;
                case "papers":
                    Expect(ref json, JsonTokenType.StartArray);
                    while (Next(ref json) == JsonTokenType.StartArray)
                    {
                        var text = String(ref json);
                        Expect(ref json, JsonTokenType.Number);
                        var score = json.GetInt32();
                        var newest = String(ref json);
                        var title = String(ref json);
                        Expect(ref json, JsonTokenType.StartArray);
                        var authors = new List<string>();
                        while (Next(ref json) == JsonTokenType.String) authors.Add(json.GetString()!);
                        var subjects = new List<Subject>();
                        while (Next(ref json) == JsonTokenType.String)
                        {
                            var code = json.GetString()!;
                            subjects.Add(new Subject(code, Next(ref json) == JsonTokenType.Null ? null : json.GetString()));
                        }
                        IReadOnlyList<DateOnly> dates = newest.Length == 0 ? [] : [StoreSql.ParseDate(newest)];
                        var paper = new Paper(Id(text), title, authors, subjects, "", "", null, dates.Count == 0 ? DateOnly.MinValue : dates[0], 0);
                        papers[text] = (new ListedPaper(paper, dates), score);
                    }
                    break;
                case "days":
                    Expect(ref json, JsonTokenType.StartArray);
                    while (Next(ref json) == JsonTokenType.StartArray)
                    {
                        var stem = String(ref json);
                        if (!SitePaths.TryParseWindowStem(stem, out var window)) return null;
                        var clocked = Next(ref json) == JsonTokenType.True;
                        var updated = ParseTime(String(ref json));
                        var summary = new List<DaySummaryPaper>();
                        while (Next(ref json) == JsonTokenType.Number)
                        {
                            var rank = json.GetInt32();
                            var id = Id(String(ref json));
                            var title = String(ref json);
                            Expect(ref json, JsonTokenType.Number);
                            var reposts = json.GetInt32();
                            Expect(ref json, JsonTokenType.Number);
                            summary.Add(new DaySummaryPaper(rank, id, title, reposts, json.GetInt32()));
                        }
                        days[stem] = (new DaySummary(window, updated, summary), clocked);
                    }
                    break;
                case "files":
                    Expect(ref json, JsonTokenType.StartObject);
                    while (Next(ref json) == JsonTokenType.PropertyName)
                    {
                        var file = json.GetString()!;
                        files[file] = String(ref json);
                    }
                    break;
                default:
                    return null;
            }
        }
        if (format != Format || store is null || position is null || now is null) return null;
        var manifest = new SiteManifest { Settings = settings, Store = new StorePosition(store, position.Value), Now = ParseTime(now) };
        foreach (var (id, paper) in papers) manifest.Papers[id] = paper;
        foreach (var (stem, day) in days) manifest.Days[stem] = day;
        foreach (var (file, key) in files) manifest.Files[file] = key;
        return manifest;
    }

    private static JsonTokenType Next(ref Utf8JsonReader json) =>
        json.Read() ? json.TokenType : throw new JsonException("the manifest ends early");

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (Next(ref json) != type) throw new JsonException($"expected {type}, found {json.TokenType}");
    }

    private static string String(ref Utf8JsonReader json)
    {
        Expect(ref json, JsonTokenType.String);
        return json.GetString()!;
    }

    /// <summary>A content key: the first 16 bytes of the SHA-256, in hex.</summary>
    public static string Key(string text) => Key(System.Text.Encoding.UTF8.GetBytes(text));

    public static string Key(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)[..16]);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
