using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Domain;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Where every page lives, the same in the built folder and on the server. An old-style arXiv id such as
/// <c>hep-th/9901001</c> holds a '/', which no id form uses as '_', so the file name is <c>hep-th_9901001</c>.
/// Pages are at most one folder deep; links are relative, so a built site works from any folder or host.
/// </summary>
public static partial class SitePaths
{
    public const string Index = "index.html";
    public const string Feed = "feed.xml";
    public const string Search = "search.html";
    public const string SearchIndex = "search-index.json";
    public const string Categories = "categories/index.html";
    public const string Archive = "archive.html";
    public const string Stylesheet = "assets/site.css";
    public const string SearchScript = "assets/search.js";

    /// <summary>An index page by its number (<see cref="Paging.Number"/>): 0 is the front page, older pages count from the oldest.</summary>
    public static string IndexPage(int number) => number == 0 ? Index : $"index-{number}.html";

    // A day's files are named by its window's stem, a paper's by its key: one shape each, to build a path and to read
    // one back (an incremental build removes the files of days and papers gone from the store).
    private static readonly FileShape DayPage = new("days/", ".html");
    private static readonly FileShape DayJsonFile = new("api/days/", ".json");
    private static readonly FileShape ShareImageFile = new("og/", ".png");
    private static readonly FileShape PaperPage = new("papers/", ".html");
    private static readonly FileShape PaperJsonFile = new("api/papers/", ".json");

    public static string Day(DigestWindow window) => DayPage.Of(window.FileStem);

    public static string DayJson(DigestWindow window) => DayJsonFile.Of(window.FileStem);

    /// <summary>The day's OpenGraph image, for link previews.</summary>
    public static string ShareImage(DigestWindow window) => ShareImageFile.Of(window.FileStem);

    public static string Paper(ArxivId id) => PaperPage.Of(PaperKey(id));

    public static string PaperJson(ArxivId id) => PaperJsonFile.Of(PaperKey(id));

    /// <summary>Whether <paramref name="path"/> is a day's page, JSON or share image, and the window stem it is named by.</summary>
    public static bool TryParseDayFile(string path, out string stem) =>
        DayPage.TryRead(path, out stem) || DayJsonFile.TryRead(path, out stem) || ShareImageFile.TryRead(path, out stem);

    /// <summary>Whether <paramref name="path"/> is a paper's page or JSON, and the paper key it is named by.</summary>
    public static bool TryParsePaperFile(string path, out string key) =>
        PaperPage.TryRead(path, out key) || PaperJsonFile.TryRead(path, out key);

    private sealed record FileShape(string Prefix, string Suffix)
    {
        public string Of(string name) => string.Concat(Prefix, name, Suffix);

        public bool TryRead(string path, out string name)
        {
            var ok = path.Length > Prefix.Length + Suffix.Length && path.StartsWith(Prefix, StringComparison.Ordinal) && path.EndsWith(Suffix, StringComparison.Ordinal);
            name = ok ? path[Prefix.Length..^Suffix.Length] : "";
            return ok && !name.Contains('/');
        }
    }

    /// <summary>A category's page by its number (<see cref="Paging.Number"/>): 0 is its first page, older pages count from the oldest.</summary>
    public static string Category(string code, int number = 0) =>
        number == 0 ? $"categories/{CategoryKey(code)}.html" : $"categories/{CategoryKey(code)}-{number}.html";

    public static string PaperKey(ArxivId id) => id.Value.Replace('/', '_');

    /// <summary>The id text a <see cref="PaperKey"/> stands for, unchecked.</summary>
    public static string PaperIdOfKey(string key) => key.Replace('_', '/');

    public static bool TryParsePaperKey(string key, out ArxivId id) => ArxivId.TryParse(PaperIdOfKey(key), out id, out var version) && version == 0;

    /// <summary>A category code as a file name: codes are letters, digits, '.' and '-'; anything else is hex-encoded.</summary>
    public static string CategoryKey(string code)
    {
        if (SafeCode().IsMatch(code)) return code;
        return "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(code));
    }

    public static bool TryParseCategoryKey(string key, out string code)
    {
        code = key;
        if (SafeCode().IsMatch(key)) return true;
        if (key.Length < 3 || key[0] != 'x') return false;
        try
        {
            code = Encoding.UTF8.GetString(Convert.FromHexString(key.AsSpan(1)));
            return !SafeCode().IsMatch(code);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Parses a window's file stem: <c>2021-06-09</c>, or <c>2021-06-07-2021-06-09</c> for a range.</summary>
    public static bool TryParseWindowStem(string stem, out DigestWindow window)
    {
        window = default;
        if (stem.Length == 10)
        {
            if (!DigestWindow.TryParseDate(stem, out var day)) return false;
            window = DigestWindow.Day(day);
            return true;
        }
        if (stem.Length != 21 || stem[10] != '-') return false;
        if (!DigestWindow.TryParseDate(stem[..10], out var start) || !DigestWindow.TryParseDate(stem[11..], out var end) || end <= start) return false;
        window = new DigestWindow(start, end);
        return true;
    }

    /// <summary>The way from a page back to the site root: "" at the top, "../" one folder down.</summary>
    public static string RootOf(string path) => string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));

    // Must not start with 'x' followed by only hex digits, or the two forms could collide; real codes never do.
    [GeneratedRegex(@"^(?!x[0-9a-f]+$)[A-Za-z][A-Za-z0-9.\-]{0,40}$")]
    private static partial Regex SafeCode();
}
