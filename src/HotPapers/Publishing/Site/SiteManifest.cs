using System.Security.Cryptography;
using System.Text;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>
/// What a built site was built from, kept in the site folder (<see cref="FileName"/>): the settings key, the store
/// and the position of its change log the build read it at, the clock the days without a stored digest printed,
/// per day its summary (what the index, archive and feed show), per paper what the category pages and the search
/// index show, and the content key of each page built from every day or every paper. The next build with the same
/// settings asks the store what changed since that position, rebuilds those days and papers, and renders the
/// listings from this plus the changed papers, without loading the rest. A missing, unreadable, damaged or foreign
/// manifest means a full build.
/// </summary>
/// <remarks>
/// Binary, not JSON: it holds every paper and every day (a few megabytes), and every incremental build reads it
/// and writes it again, so it is read as length-prefixed UTF-8 fields without a tokenizer. It ends with the
/// SHA-256 of everything before it, so a damaged file reads as no manifest rather than as wrong listings.
/// </remarks>
internal sealed class SiteManifest
{
    public const string FileName = ".hotpapers-manifest";

    /// <summary>What the file starts with: the tool's name and the format, so another tool's file or an older format is never misread.</summary>
    private static ReadOnlySpan<byte> Magic => "HPSITE\n"u8;

    private const int Format = 3;

    private const int HashLength = 32;

    public required string Settings { get; init; }

    public required StorePosition Store { get; init; }

    /// <summary>The clock: what a day without a stored digest printed as its generation time.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Window file stem → the day's summary, and whether it had no stored digest (so it printed <see cref="Now"/>).</summary>
    public Dictionary<string, (DaySummary Summary, bool Clocked)> Days { get; } = new(StringComparer.Ordinal);

    /// <summary>arXiv id → what the listings show of the paper, and its search score.</summary>
    public Dictionary<string, (ListedPaper Paper, int Score)> Papers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Site path → content key, for the files built from every day or every paper (written in ordinal order; a
    /// plain dictionary, as a sorted one's generic code is compiled at run time even in a ReadyToRun build).
    /// </summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>A manifest read from a file: its bytes, its category table, and where each paper's and each day's entry lies in them.</summary>
    private (byte[] Bytes, Subject[] Subjects, Dictionary<string, (int Start, int Length)> Papers, Dictionary<string, (int Start, int Length)> Days)? _read;

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

    /// <summary>
    /// The manifest's bytes: days in <paramref name="windows"/> order (newest first), papers and files in ordinal
    /// order, so a full and an incremental build of the same store write the same bytes. The entries of papers and days
    /// taken unchanged from <paramref name="earlier"/> (the manifest read at the start of an update) are copied from its
    /// bytes (papers' when the category table is the same), as they would be written the same.
    /// </summary>
    public byte[] Write(IReadOnlyList<DigestWindow> windows, SiteManifest? earlier = null)
    {
        using var buffer = new MemoryStream(4 << 20);
        using (var w = new BinaryWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Format);
            w.Write(Settings);
            w.Write(Store.StoreId);
            w.Write(Store.Next);
            WriteTime(w, Now);

            var papers = Papers.ToArray();
            Array.Sort(papers, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            // The categories once, sorted by code and name; each paper names them by number.
            var table = new HashSet<Subject>();
            foreach (var (_, (listed, _)) in papers) table.UnionWith(listed.Paper.Subjects);
            var sorted = table.ToArray();
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Code, b.Code) is var c and not 0 ? c : string.CompareOrdinal(a.Name, b.Name));
            var subjects = new Dictionary<Subject, int>(sorted.Length);
            w.Write(sorted.Length);
            foreach (var subject in sorted)
            {
                subjects.Add(subject, subjects.Count);
                w.Write(subject.Code);
                w.Write(subject.Name is not null);
                if (subject.Name is not null) w.Write(subject.Name);
            }
            (byte[] Bytes, Subject[] Subjects, Dictionary<string, (int Start, int Length)> Papers, Dictionary<string, (int Start, int Length)> Days)? copy =
                earlier?._read is { } read && read.Subjects.AsSpan().SequenceEqual(sorted) ? read : null;
            w.Write(papers.Length);
            foreach (var (id, entry) in papers)
            {
                if (copy is { } from && earlier!.Papers.TryGetValue(id, out var was) && ReferenceEquals(was.Paper, entry.Paper) && was.Score == entry.Score
                    && from.Papers.TryGetValue(id, out var at))
                {
                    w.Write(from.Bytes, at.Start, at.Length);
                    continue;
                }
                var (listed, score) = entry;
                var paper = listed.Paper;
                w.Write(id);
                w.Write(score);
                w.Write(listed.ListingDates.Count == 0 ? -1 : listed.ListingDates[0].DayNumber);
                w.Write(paper.Title);
                w.Write(paper.Authors.Count);
                foreach (var author in paper.Authors) w.Write(author);
                w.Write(paper.Subjects.Count);
                foreach (var subject in paper.Subjects) w.Write(subjects[subject]);
            }

            w.Write(windows.Count);
            foreach (var window in windows)
            {
                var (day, clocked) = Days[window.FileStem];
                if (earlier?._read is { } days && earlier.Days.TryGetValue(window.FileStem, out var had) && ReferenceEquals(had.Summary, day)
                    && had.Clocked == clocked && days.Days.TryGetValue(window.FileStem, out var at))
                {
                    w.Write(days.Bytes, at.Start, at.Length);
                    continue;
                }
                w.Write(window.FileStem);
                w.Write(clocked);
                WriteTime(w, day.Updated);
                w.Write(day.Papers.Count);
                foreach (var p in day.Papers)
                {
                    w.Write(p.Rank);
                    w.Write(p.Id.Value);
                    w.Write(p.Title);
                    w.Write(p.Reposts);
                    w.Write(p.Likes);
                }
            }

            var files = Files.Keys.ToArray();
            Array.Sort(files, string.CompareOrdinal);
            w.Write(files.Length);
            foreach (var path in files)
            {
                w.Write(path);
                w.Write(Files[path]);
            }
        }
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
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
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or InvalidDataException or KeyNotFoundException or IndexOutOfRangeException or OverflowException)
        {
            return null; // not a manifest this version can trust: build everything
        }
    }

    /// <summary>Each arXiv id is parsed once; the days' papers share the papers' ids.</summary>
    private static SiteManifest? Read(byte[] bytes, string settings)
    {
        if (bytes.Length < Magic.Length + HashLength || !bytes.AsSpan().StartsWith(Magic)) return null;
        var body = bytes.AsSpan(0, bytes.Length - HashLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length))) return null;
        using var r = new BinaryReader(new MemoryStream(bytes, Magic.Length, body.Length - Magic.Length, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true));
        if (r.ReadInt32() != Format || r.ReadString() != settings) return null;
        var manifest = new SiteManifest { Settings = settings, Store = new StorePosition(r.ReadString(), r.ReadInt64()), Now = ReadTime(r) };

        var subjects = new Subject[Count(r)];
        for (var i = 0; i < subjects.Length; i++)
        {
            var code = r.ReadString();
            subjects[i] = new Subject(code, r.ReadBoolean() ? r.ReadString() : null);
        }
        var ids = new Dictionary<string, ArxivId>(StringComparer.Ordinal);
        var paperCount = Count(r);
        manifest.Papers.EnsureCapacity(paperCount);
        var ranges = new Dictionary<string, (int Start, int Length)>(paperCount, StringComparer.Ordinal);
        for (var i = 0; i < paperCount; i++)
        {
            var start = (int)r.BaseStream.Position + Magic.Length;
            var text = r.ReadString();
            var id = ids[text] = ArxivId.Parse(text);
            var score = r.ReadInt32();
            var newest = r.ReadInt32();
            var title = r.ReadString();
            var authors = new string[Count(r)];
            for (var a = 0; a < authors.Length; a++) authors[a] = r.ReadString();
            var its = new Subject[Count(r)];
            for (var s = 0; s < its.Length; s++) its[s] = subjects[r.ReadInt32()];
            IReadOnlyList<DateOnly> dates = newest < 0 ? [] : [DateOnly.FromDayNumber(newest)];
            var paper = new Paper(id, title, authors, its, "", "", null, dates.Count == 0 ? DateOnly.MinValue : dates[0], 0);
            manifest.Papers.Add(text, (new ListedPaper(paper, dates), score));
            ranges[text] = (start, (int)r.BaseStream.Position + Magic.Length - start);
        }

        var dayCount = Count(r);
        manifest.Days.EnsureCapacity(dayCount);
        var dayRanges = new Dictionary<string, (int Start, int Length)>(dayCount, StringComparer.Ordinal);
        for (var i = 0; i < dayCount; i++)
        {
            var start = (int)r.BaseStream.Position + Magic.Length;
            var stem = r.ReadString();
            if (!SitePaths.TryParseWindowStem(stem, out var window)) return null;
            var clocked = r.ReadBoolean();
            var updated = ReadTime(r);
            var papers = new DaySummaryPaper[Count(r)];
            for (var p = 0; p < papers.Length; p++)
            {
                var rank = r.ReadInt32();
                var text = r.ReadString();
                var id = ids.TryGetValue(text, out var known) ? known : ids[text] = ArxivId.Parse(text);
                papers[p] = new DaySummaryPaper(rank, id, r.ReadString(), r.ReadInt32(), r.ReadInt32());
            }
            manifest.Days.Add(stem, (new DaySummary(window, updated, papers), clocked));
            dayRanges[stem] = (start, (int)r.BaseStream.Position + Magic.Length - start);
        }
        // The earlier entries stay readable for the next manifest's writer, which copies the unchanged ones.
        manifest._read = (bytes, subjects, ranges, dayRanges);

        var fileCount = Count(r);
        for (var i = 0; i < fileCount; i++) manifest.Files.Add(r.ReadString(), r.ReadString());
        return r.BaseStream.Position == r.BaseStream.Length ? manifest : null;
    }

    /// <summary>A count, checked against the bytes left (each item takes at least one), so a wrong one fails at once rather than allocating.</summary>
    private static int Count(BinaryReader r)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException($"the manifest counts {count} items");
        return count;
    }

    private static void WriteTime(BinaryWriter w, DateTimeOffset time)
    {
        w.Write(time.UtcTicks);
        w.Write((short)time.TotalOffsetMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader r)
    {
        var ticks = r.ReadInt64();
        var offset = TimeSpan.FromMinutes(r.ReadInt16());
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }

    /// <summary>A content key: the first 16 bytes of the SHA-256, in hex.</summary>
    public static string Key(string text) => Key(Encoding.UTF8.GetBytes(text));

    public static string Key(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes)[..16]);
}
