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

    public static string Day(DigestWindow window) => $"days/{window.FileStem}.html";

    public static string DayJson(DigestWindow window) => $"api/days/{window.FileStem}.json";

    /// <summary>The day's OpenGraph image, for link previews.</summary>
    public static string ShareImage(DigestWindow window) => $"og/{window.FileStem}.png";

    public static string Paper(ArxivId id) => $"papers/{PaperKey(id)}.html";

    public static string PaperJson(ArxivId id) => $"api/papers/{PaperKey(id)}.json";

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
