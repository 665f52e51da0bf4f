using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Publishing;

/// <summary>
/// The fixed text of a classic Hot Papers post (post-format.md). The writer and the archive importer both use
/// these pieces, so what one writes the other reads.
/// </summary>
public static class GatsbyPostFormat
{
    public const string Fence = "---";
    public const string StatsTimeFormat = "MM/dd/yyyy HH:mm:ss";
    public const string FrontMatterDateFormat = "yyyy-MM-ddTHH:mm:ss";

    /// <summary>The front matter lines between the two fences, with <c>{date}</c> left for the caller.</summary>
    public static IReadOnlyList<string> FrontMatterLines(DigestWindow window, string date) =>
    [
        $"title: Hot Papers {window.DateStr}",
        $"date: {date}",
        "template: \"post\"",
        "draft: false",
        $"slug: \"hot-papers-{window.DateStr}\"",
        "category: \"arXiv\"",
        "tags:",
        "  - \"arXiv\"",
        "  - \"Twitter\"",
        "  - \"Machine Learning\"",
        "  - \"Computer Science\"",
        $"description: \"Hot papers {window.DateStr}\"",
        "socialImage: \"/media/flying-marine.jpg\"",
        "",
    ];

    /// <summary>The original's quirk: local wall clock with a literal <c>.Z</c> appended.</summary>
    public static string ClassicDate(DateTime generatedAt) =>
        generatedAt.ToString(FrontMatterDateFormat, CultureInfo.InvariantCulture) + ".Z";

    public static string StatsLine(int reposts, int likes, DateTime measuredAt) =>
        string.Create(CultureInfo.InvariantCulture, $"- retweets: {reposts}, favorites: {likes} ({measuredAt.ToString(StatsTimeFormat, CultureInfo.InvariantCulture)})");

    public static string LinksLine(Paper paper) =>
        paper.PdfUrl is null ? $"- links: [abs]({paper.AbsUrl})" : $"- links: [abs]({paper.AbsUrl}) | [pdf]({paper.PdfUrl})";

    public static string CategoryLink(string code) => $"[{code}](https://arxiv.org/list/{code}/recent)";

    public static string CategoriesLine(Paper paper) => "- " + string.Join(" | ", paper.Subjects.Select(s => CategoryLink(s.Code)));

    public const string AuthorSeparator = ", ";
}
