using System.Text;
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
        Line(sb, GatsbyPostFormat.Fence);
        foreach (var line in GatsbyPostFormat.FrontMatterLines(digest.Window, date)) Line(sb, line);
        Line(sb, GatsbyPostFormat.Fence);

        foreach (var ranked in digest.Papers)
        {
            var candidate = ranked.Candidate;
            var paper = candidate.Paper;
            Line(sb, "");
            Line(sb, $"# {ranked.Rank}. {paper.Title}");
            Line(sb, "");
            Line(sb, string.Join(GatsbyPostFormat.AuthorSeparator, paper.Authors));
            Line(sb, "");
            Line(sb, GatsbyPostFormat.StatsLine(candidate.Reposts, candidate.Likes, candidate.MeasuredAt));
            Line(sb, "");
            Line(sb, GatsbyPostFormat.LinksLine(paper));
            Line(sb, GatsbyPostFormat.CategoriesLine(paper));
            Line(sb, "");
            Line(sb, paper.Abstract);
            Line(sb, "");
            foreach (var post in ranked.Posts)
            {
                Line(sb, post.EmbedHtml);
                Line(sb, "");
            }
            Line(sb, "");
            Line(sb, "");
        }
        return sb.ToString();
    }

    // Line ends are written explicitly: a post is LF-only on every platform.
    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
