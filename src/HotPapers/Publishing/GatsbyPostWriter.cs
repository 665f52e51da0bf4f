using System.Text;
using HotPapers.Domain;
using HotPapers.Ranking;

namespace HotPapers.Publishing;

/// <summary>Writes a ranked digest as the classic Gatsby Markdown post, byte for byte (post-format.md).</summary>
public static class GatsbyPostWriter
{
    public static string Write(RankedDigest digest, bool isoDate = false)
    {
        var sb = new StringBuilder(64 * 1024);
        var date = isoDate
            ? digest.GeneratedAt.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : GatsbyPostFormat.ClassicDate(digest.GeneratedAt);
        // An imported post is written back in the spacing it was printed with; everything else in the classic one.
        var layout = digest.Layout ?? PostLayout.Classic;
        Line(sb, GatsbyPostFormat.Fence);
        foreach (var line in GatsbyPostFormat.FrontMatterLines(digest.Window, date).Where(l => l.Length > 0)) Line(sb, line);
        Blank(sb, layout.BeforeClosingFence);
        Line(sb, GatsbyPostFormat.Fence);

        for (var i = 0; i < digest.Papers.Count; i++)
        {
            var ranked = digest.Papers[i];
            var candidate = ranked.Candidate;
            var paper = candidate.Paper;
            Blank(sb, i == 0 ? layout.AfterFrontMatter : layout.BetweenPapers);
            Line(sb, $"# {ranked.Rank}. {paper.Title}");
            Blank(sb, layout.AfterHeading);
            Line(sb, string.Join(GatsbyPostFormat.AuthorSeparator, paper.Authors));
            Blank(sb, layout.AfterAuthors);
            Line(sb, GatsbyPostFormat.StatsLine(candidate.Reposts, candidate.Likes, candidate.MeasuredAt));
            Blank(sb, layout.AfterStats);
            Line(sb, GatsbyPostFormat.LinksLine(paper));
            Blank(sb, layout.BetweenLinksAndCategories);
            Line(sb, GatsbyPostFormat.CategoriesLine(paper));
            Blank(sb, layout.AfterCategories);
            Line(sb, paper.Abstract);
            for (var j = 0; j < ranked.Posts.Count; j++)
            {
                Blank(sb, j == 0 ? layout.AfterAbstract : layout.BetweenEmbeds);
                Line(sb, ranked.Posts[j].EmbedHtml);
            }
        }
        if (digest.Papers.Count > 0) Blank(sb, layout.AtEnd);
        return sb.ToString();
    }

    private static void Blank(StringBuilder sb, int lines) => sb.Append('\n', lines);

    // Line ends are written explicitly: a post is LF-only on every platform.
    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
