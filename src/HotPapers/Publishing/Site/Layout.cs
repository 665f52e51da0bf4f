using System.Globalization;
using System.Text;

namespace HotPapers.Publishing.Site;

/// <summary>
/// The shell of every page: language, viewport, one local stylesheet, a skip link, the site navigation and
/// a footer. Nothing is loaded from elsewhere unless the widgets option asks for it.
/// </summary>
internal static class Layout
{
    public const string WidgetsScript = "https://platform.twitter.com/widgets.js";

    /// <summary>The page as UTF-8 (no byte order mark), encoded from the builder without a string of it in between.</summary>
    public static byte[] Page(string path, string title, SiteOptions options, Action<StringBuilder, string> body, bool usesWidgets = false, string? headExtra = null)
    {
        var root = SitePaths.RootOf(path);
        // Each thread reuses one builder (taken, so a page rendered inside a page would get its own): a full build
        // renders some 17,000 pages, and a fresh 32 KB buffer for each is half a gigabyte allocated and zeroed.
        var sb = t_builder ?? new StringBuilder(16 * 1024);
        t_builder = null;
        try
        {
            Render(sb, root, title, options, body, usesWidgets, headExtra);
            return Utf8(sb);
        }
        finally
        {
            if (sb.Capacity <= MaxKeptCapacity)
            {
                sb.Clear();
                t_builder = sb;
            }
        }
    }

    // Larger pages are rare; a thread does not hold on to their buffer.
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static void Render(StringBuilder sb, string root, string title, SiteOptions options, Action<StringBuilder, string> body, bool usesWidgets, string? headExtra)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Text(title).Append("</title>\n")
          // No icon file: an empty data URL keeps browsers from asking the server for /favicon.ico.
          .Append("<link rel=\"icon\" href=\"data:,\">\n")
          .Append("<link rel=\"stylesheet\" href=\"").Append(root).Append(SitePaths.Stylesheet).Append("\">\n")
          .Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Text(options.Title).Append("\" href=\"").Append(root).Append(SitePaths.Feed).Append("\">\n");
        if (headExtra is not null) sb.Append(headExtra);
        sb.Append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
          .Append("<header class=\"site\">\n<nav aria-label=\"Site\"><a class=\"brand\" href=\"").Append(root).Append(SitePaths.Index).Append("\">").Text(options.Title).Append("</a>\n<ul>")
          .Append("<li><a href=\"").Append(root).Append(SitePaths.Index).Append("\">Days</a></li>")
          .Append("<li><a href=\"").Append(root).Append(SitePaths.Archive).Append("\">All days</a></li>")
          .Append("<li><a href=\"").Append(root).Append(SitePaths.Categories).Append("\">Categories</a></li>")
          .Append("<li><a href=\"").Append(root).Append(SitePaths.Search).Append("\">Search</a></li>")
          .Append("<li><a href=\"").Append(root).Append(SitePaths.Feed).Append("\">Feed</a></li>")
          .Append("</ul></nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
        body(sb, root);
        sb.Append("</main>\n<footer class=\"site\"><p>arXiv papers people are talking about, ranked by reposts and likes. ")
          .Append("Posts are shown as saved snapshots; counts are as measured at the time shown.</p></footer>\n");
        if (usesWidgets && options.Widgets)
            sb.Append("<script async src=\"").Append(WidgetsScript).Append("\" charset=\"utf-8\"></script>\n");
        sb.Append("</body>\n</html>\n");
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    [ThreadStatic]
    private static Encoder? t_encoder;

    [ThreadStatic]
    private static byte[]? t_bytes;

    /// <summary>
    /// The builder's text as UTF-8, the bytes <c>Utf8NoBom.GetBytes(sb.ToString())</c> gives: one encoder over the
    /// chunks (a surrogate pair split between two chunks is still one character, a lone surrogate still U+FFFD) into a
    /// buffer kept by the thread, copied out at its length. The page's text as a string, twice its UTF-8 size, was
    /// a quarter of what a full build allocated.
    /// </summary>
    internal static byte[] Utf8(StringBuilder sb)
    {
        var encoder = t_encoder ??= Utf8NoBom.GetEncoder();
        encoder.Reset();
        var most = Utf8NoBom.GetMaxByteCount(sb.Length);
        var buffer = t_bytes is { } kept && kept.Length >= most ? kept : new byte[Math.Max(most, 64 * 1024)];
        var length = 0;
        foreach (var chunk in sb.GetChunks()) length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
        length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
        if (buffer.Length <= 3 * MaxKeptCapacity) t_bytes = buffer;
        return buffer.AsSpan(0, length).ToArray();
    }

    public static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Links to the newest page, the newer and older ones and the oldest, by <see cref="Paging.Number"/>
    /// (<paramref name="href"/> of a number). An older page names itself by its number and never by the page count,
    /// so it stays the same while newer pages are added (only the newest older page's "Newer" link moves).
    /// </summary>
    public static void Pager(StringBuilder sb, Paging paging, Func<int, string> href, string label)
    {
        if (paging.PageCount <= 1) return;
        var newestOlder = paging.PageCount - 1;
        sb.Append("<nav class=\"pager\" aria-label=\"").Text(label).Append("\"><ul>");
        if (paging.Number == 0)
        {
            sb.Append("<li aria-current=\"page\">Newest</li>");
            sb.Append("<li><a rel=\"next\" href=\"").Text(href(newestOlder)).Append("\">Older</a></li>");
            sb.Append("<li><a href=\"").Text(href(1)).Append("\">Oldest</a></li>");
        }
        else
        {
            sb.Append("<li><a href=\"").Text(href(0)).Append("\">Newest</a></li>");
            sb.Append("<li><a rel=\"prev\" href=\"").Text(href(paging.Number == newestOlder ? 0 : paging.Number + 1)).Append("\">Newer</a></li>");
            sb.Append("<li aria-current=\"page\">Page ").Append(paging.Number).Append("</li>");
            if (paging.Number > 1)
            {
                sb.Append("<li><a rel=\"next\" href=\"").Text(href(paging.Number - 1)).Append("\">Older</a></li>");
                sb.Append("<li><a href=\"").Text(href(1)).Append("\">Oldest</a></li>");
            }
        }
        sb.Append("</ul></nav>\n");
    }

    public static string Authors(IReadOnlyList<string> authors, int max = int.MaxValue) =>
        authors.Count <= max ? string.Join(", ", authors) : string.Join(", ", authors.Take(max)) + " et al.";

    public static string PlatformName(string platform) => PlatformLabels.Name(platform);
}
