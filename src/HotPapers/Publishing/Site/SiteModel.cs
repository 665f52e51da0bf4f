using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Publishing.Site;

/// <summary>A page or file of the site: where it lives, what it is, and its bytes.</summary>
public sealed record SiteFile(string Path, string ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>A category with its papers, newest listing first.</summary>
public sealed record CategoryListing(string Code, string? Name, IReadOnlyList<ListedPaper> Papers);

/// <summary>
/// The page model both hosts share: <see cref="SiteBuilder"/> writes every page to a folder, the preview
/// server asks <see cref="Get"/> for one page per request. Both go through the same loads and the same
/// renderers, so a served page is byte-for-byte the built one.
/// </summary>
public sealed partial class SiteModel(HotPapersStore store, TimeProvider clock, TimeZoneInfo zone, SiteOptions options)
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";
    public const string AtomType = "application/atom+xml; charset=utf-8";
    public const string PngType = "image/png";

    private readonly DigestRenderer _renderer = new(store, clock, zone);

    public SiteOptions Options => options;

    public HotPapersStore Store => store;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The version of the site's output: raise it with any change to what a renderer writes (a test keeps a full
    /// build's content key per version and fails until it is raised), so sites built before are rebuilt whole.
    /// </summary>
    public const int OutputVersion = 2;

    /// <summary>
    /// The key of everything besides the store that shapes the output: the options, the time zone and the output
    /// version. A site built with another key is rebuilt whole; a new build of the same version is not.
    /// </summary>
    public string SettingsKey() => SiteManifest.Key(string.Join('\n',
        SiteOptionsJson.Write(options), zone.Id, OutputVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The same model reading through <paramref name="other"/>, another connection to the same store.</summary>
    public SiteModel On(HotPapersStore other) => new(other, clock, zone, options);

    public IReadOnlyList<DigestWindow> Windows() => store.Digests.LoadWindows();

    /// <summary>
    /// A day ranked exactly as <c>hotpapers render</c> ranks it (same options, same clock). Pass the archive's
    /// windows (newest first) to know the days before and after it.
    /// </summary>
    public DayView Day(DigestWindow window, IReadOnlyList<DigestWindow>? windows = null)
    {
        var digest = _renderer.Rank(window, options.Render);
        var generatedAt = EngagementHistory.LocalToInstant(digest.GeneratedAt, zone);
        var at = -1;
        for (var i = 0; windows is not null && i < windows.Count && at < 0; i++)
            if (windows[i] == window) at = i;
        return new DayView(digest, store.Digests.LoadPrintedPaperIds(window), generatedAt)
        {
            Updated = StableUpdated(window, digest),
            Newer = at > 0 ? windows![at - 1] : null,
            Older = at >= 0 && at + 1 < windows!.Count ? windows[at + 1] : null,
        };
    }

    /// <summary>
    /// The feed's timestamp of a day: its stored digest's time when there is one; otherwise the newest
    /// measurement of its papers, or the end of the window, never the clock (which moves on every rebuild).
    /// </summary>
    private DateTimeOffset StableUpdated(DigestWindow window, Ranking.RankedDigest digest)
    {
        if (store.Digests.LoadGeneratedAt(window) is { } stored) return EngagementHistory.LocalToInstant(stored, zone);
        var measured = digest.Papers.Select(p => p.Candidate.MeasuredAt).Where(t => t != default).DefaultIfEmpty().Max();
        return EngagementHistory.LocalToInstant(measured != default ? measured : window.End.ToDateTime(TimeOnly.MinValue), zone);
    }

    public PaperView PaperView(ListedPaper listed, PaperActivity activity) => new(listed, activity, EngagementHistory.Of(activity, zone));

    public PaperView? Paper(ArxivId id)
    {
        var listed = store.Papers.LoadListed(id);
        if (listed.Count == 0) return null;
        var activity = store.LoadPaperActivity(id);
        return PaperView(listed[0], activity.TryGetValue(id.Value, out var a) ? a : PaperActivity.None);
    }

    public static IReadOnlyList<CategoryListing> Categories(IEnumerable<ListedPaper> papers) => CategoriesOf(NewestFirst(papers));

    /// <summary>The order of every listing of papers: newest listing date first, then by id.</summary>
    public static List<ListedPaper> NewestFirst(IEnumerable<ListedPaper> papers)
    {
        var list = papers.ToList();
        list.Sort(ListingOrder);
        return list;
    }

    /// <summary>The comparison behind <see cref="NewestFirst"/>: negative when <paramref name="a"/> is listed before <paramref name="b"/>.</summary>
    public static int ListingOrder(ListedPaper a, ListedPaper b) =>
        b.Paper.ListingDate.CompareTo(a.Paper.ListingDate) is var c and not 0 ? c : string.CompareOrdinal(a.Paper.Id.Value, b.Paper.Id.Value);

    /// <summary>
    /// The categories of papers already in <see cref="NewestFirst"/> order, which each category keeps (one pass, no
    /// sort per category). A category's name is the one the paper with the lowest id stores (or the known name for
    /// its code), else the next stored one by id, whatever order the papers come in.
    /// </summary>
    public static IReadOnlyList<CategoryListing> CategoriesOf(IReadOnlyList<ListedPaper> newestFirst)
    {
        var byCode = new Dictionary<string, CategoryGroup>(StringComparer.Ordinal);
        foreach (var listed in newestFirst)
        {
            var subjects = listed.Paper.Subjects;
            for (var i = 0; i < subjects.Count; i++)
            {
                var subject = subjects[i];
                if (Repeats(subjects, i)) continue; // a paper counts once per category, with its first subject of the code
                if (!byCode.TryGetValue(subject.Code, out var group)) byCode[subject.Code] = group = new CategoryGroup();
                group.Add(listed, subject.Name);
            }
        }
        var codes = byCode.Keys.ToArray();
        Array.Sort(codes, StringComparer.Ordinal);
        return codes.Select(code => new CategoryListing(code, byCode[code].Name(code), byCode[code].Papers)).ToList();
    }

    private static bool Repeats(IReadOnlyList<Subject> subjects, int at)
    {
        for (var j = 0; j < at; j++)
            if (subjects[j].Code == subjects[at].Code) return true;
        return false;
    }

    /// <summary>A category's papers as they come, and the stored names of its two lowest ids (what choosing the name by id order needs).</summary>
    private sealed class CategoryGroup
    {
        public readonly List<ListedPaper> Papers = [];
        private (string Id, string? Name)? _first;
        private (string Id, string Name)? _named, _secondNamed;

        public void Add(ListedPaper listed, string? name)
        {
            Papers.Add(listed);
            var id = listed.Paper.Id.Value;
            if (_first is not { } first || string.CompareOrdinal(id, first.Id) < 0) _first = (id, name);
            if (name is null) return;
            if (_named is not { } named || string.CompareOrdinal(id, named.Id) < 0)
            {
                _secondNamed = _named;
                _named = (id, name);
            }
            else if (_secondNamed is not { } second || string.CompareOrdinal(id, second.Id) < 0)
            {
                _secondNamed = (id, name);
            }
        }

        /// <summary>
        /// In id order, the first paper names the category (<see cref="CategoryNames.Of"/>); when that gives none, the
        /// next paper with a stored name does.
        /// </summary>
        public string? Name(string code)
        {
            if (CategoryNames.Of(code, _first!.Value.Name) is { } name) return name;
            return _named is { } named && named.Id != _first.Value.Id ? named.Name : _secondNamed?.Name;
        }
    }

    // The renderers, one per kind of file. Each returns the file at its path under the site root.

    public SiteFile IndexPage(IReadOnlyList<DaySummary> days, Paging paging) =>
        Page(SitePaths.IndexPage(paging.Number), Site.IndexPage.Render(days, paging, options));

    public SiteFile DayPage(DayView day) => Page(SitePaths.Day(day.Window), Site.DayPage.Render(day, options));

    /// <summary>The day's JSON: exactly what <c>hotpapers render --format json</c> writes for it.</summary>
    public static SiteFile DayJson(DayView day) => new(SitePaths.DayJson(day.Window), JsonType, DigestJsonWriter.WriteUtf8(day.Digest));

    public SiteFile ShareImage(DaySummary day) => new(SitePaths.ShareImage(day.Window), PngType, Site.ShareImage.Render(day, options.Title));

    public SiteFile PaperPage(PaperView paper) => Page(SitePaths.Paper(paper.Paper.Id), Site.PaperPage.Render(paper, options));

    public static SiteFile PaperJson(PaperView paper) => new(SitePaths.PaperJson(paper.Paper.Id), JsonType, PaperJsonWriter.WriteUtf8(paper));

    /// <param name="kept">Pages not to render (an incremental build keeps the earlier build's file).</param>
    public IEnumerable<SiteFile> CategoryPages(CategoryListing category, Func<Paging, bool>? kept = null)
    {
        var (count, size) = (category.Papers.Count, options.PapersPerCategoryPage);
        var pages = Paging.Pages(count, size);
        for (var page = 1; page <= pages; page++)
        {
            var paging = new Paging(page, pages);
            if (kept is not null && kept(paging)) continue;
            var (offset, length) = Paging.Items(count, size, page).GetOffsetAndLength(count);
            yield return Page(SitePaths.Category(category.Code, paging.Number),
                CategoryPage.Render(category.Code, category.Name, category.Papers.Skip(offset).Take(length).ToList(), paging, options));
        }
    }

    public SiteFile CategoryIndex(IReadOnlyList<CategoryListing> categories) =>
        Page(SitePaths.Categories, CategoryPage.RenderIndex(categories.Select(c => (c.Code, c.Name, c.Papers.Count)).ToList(), options));

    public SiteFile Feed(IReadOnlyList<DaySummary> newestDays) =>
        new(SitePaths.Feed, AtomType, Utf8(AtomFeedWriter.Write(newestDays, options, clock.GetUtcNow())));

    public SiteFile Archive(IReadOnlyList<DaySummary> days) => Page(SitePaths.Archive, ArchivePage.Render(days, options));

    public SiteFile SearchPage() => Page(SitePaths.Search, Site.SearchPage.Render(options));

    public static SiteFile SearchIndex(IEnumerable<ListedPaper> papers, IReadOnlyDictionary<string, PaperActivity> activity) =>
        new(SitePaths.SearchIndex, JsonType, SearchIndexWriter.WriteUtf8(papers, activity));

    /// <summary>The search index from papers already grouped into <paramref name="categories"/> (whose names it lists).</summary>
    public static SiteFile SearchIndex(IEnumerable<ListedPaper> papers, IReadOnlyList<CategoryListing> categories, Func<string, int> score) =>
        new(SitePaths.SearchIndex, JsonType, SearchIndexWriter.WriteUtf8(papers, categories, score));

    /// <summary>The same from papers already in <see cref="NewestFirst"/> order, copying the <paramref name="kept"/> entries of an earlier index.</summary>
    internal static SiteFile SearchIndex(IReadOnlyList<ListedPaper> newestFirst, IReadOnlyList<CategoryListing> categories, Func<string, int> score,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>>? kept) =>
        new(SitePaths.SearchIndex, JsonType, SearchIndexWriter.WriteUtf8(newestFirst, categories, score, kept));

    public static IEnumerable<SiteFile> Assets() =>
    [
        new(SitePaths.Stylesheet, "text/css; charset=utf-8", Asset("site.css")),
        new(SitePaths.SearchScript, "text/javascript; charset=utf-8", Asset("search.js")),
    ];

    public int IndexPageCount(int windowCount) => Paging.Pages(windowCount, options.DaysPerPage);

    /// <summary>The index pages of days (newest first), each with its days.</summary>
    public IEnumerable<(IReadOnlyList<T> Days, Paging Paging)> IndexPages<T>(IReadOnlyList<T> days)
    {
        var pages = IndexPageCount(days.Count);
        for (var page = 1; page <= pages; page++)
        {
            var (offset, length) = Paging.Items(days.Count, options.DaysPerPage, page).GetOffsetAndLength(days.Count);
            yield return (days.Skip(offset).Take(length).ToList(), new Paging(page, pages));
        }
    }

    /// <summary>
    /// One file by its site path, computed live from the store: what the preview server answers. Null when
    /// there is no such page (an unknown day, paper or category, or a path outside the site's scheme).
    /// </summary>
    public SiteFile? Get(string path)
    {
        path = path.TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/')) path += SitePaths.Index;
        switch (path)
        {
            case SitePaths.Feed:
                return Feed(Windows().Take(options.FeedEntries).Select(w => Day(w).Summary()).ToList());
            case SitePaths.Search:
                return SearchPage();
            case SitePaths.Archive:
                return Archive(Windows().Select(w => Day(w).Summary()).ToList());
            case SitePaths.SearchIndex:
                return SearchIndex(store.Papers.LoadListed(), store.LoadPaperActivity());
            case SitePaths.Categories:
                return CategoryIndex(Categories(store.Papers.LoadListed()));
            case SitePaths.Stylesheet:
            case SitePaths.SearchScript:
                return Assets().Single(a => a.Path == path);
        }
        if (IndexPath().Match(path) is { Success: true } index)
        {
            var number = index.Groups[1].Success ? int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var windows = Windows();
            var (days, paging) = IndexPages(windows).FirstOrDefault(p => p.Paging.Number == number);
            if (days is null || SitePaths.IndexPage(number) != path) return null;
            return IndexPage(days.Select(w => Day(w).Summary()).ToList(), paging);
        }
        var json = path.StartsWith("api/", StringComparison.Ordinal);
        if (DayPath().Match(path) is { Success: true } day && SitePaths.TryParseWindowStem(day.Groups["key"].Value, out var window))
        {
            var all = Windows();
            if (!all.Contains(window)) return null;
            var view = Day(window, all);
            return json ? DayJson(view) : DayPage(view);
        }
        if (SharePath().Match(path) is { Success: true } share && SitePaths.TryParseWindowStem(share.Groups[1].Value, out var shared))
            return Windows().Contains(shared) ? ShareImage(Day(shared).Summary()) : null;
        if (PaperPath().Match(path) is { Success: true } paper && SitePaths.TryParsePaperKey(paper.Groups["key"].Value, out var id))
        {
            if (Paper(id) is not { } view) return null;
            return json ? PaperJson(view) : PaperPage(view);
        }
        if (CategoryPath().Match(path) is { Success: true } category && SitePaths.TryParseCategoryKey(category.Groups[1].Value, out var code))
        {
            var listing = Categories(store.Papers.LoadListed()).FirstOrDefault(c => c.Code == code);
            if (listing is null) return null;
            return CategoryPages(listing).FirstOrDefault(p => p.Path == path);
        }
        return null;
    }

    private static SiteFile Page(string path, byte[] html) => new(path, HtmlType, html);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static byte[] Utf8(string text) => Utf8NoBom.GetBytes(text);

    private static byte[] Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HotPapers.Site." + name)
            ?? throw new InvalidOperationException($"the site asset {name} is not embedded in the library");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"^index(?:-([0-9]{1,6}))?\.html$")]
    private static partial Regex IndexPath();

    [GeneratedRegex(@"^(?:days/(?<key>[0-9-]{10,21})\.html|api/days/(?<key>[0-9-]{10,21})\.json)$")]
    private static partial Regex DayPath();

    [GeneratedRegex(@"^og/([0-9-]{10,21})\.png$")]
    private static partial Regex SharePath();

    [GeneratedRegex(@"^(?:papers/(?<key>[A-Za-z0-9._-]+)\.html|api/papers/(?<key>[A-Za-z0-9._-]+)\.json)$")]
    private static partial Regex PaperPath();

    [GeneratedRegex(@"^categories/(.+?)(?:-[0-9]{1,6})?\.html$")]
    private static partial Regex CategoryPath();
}
