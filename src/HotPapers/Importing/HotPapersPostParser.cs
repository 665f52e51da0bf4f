using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Publishing;
using HotPapers.Social;
using HotPapers.Social.X;

namespace HotPapers.Importing;

/// <summary>
/// Reads a published Hot Papers post (post-format.md, and the earlier layouts in docs/imports.md) back into data.
/// Strict: every line must be where the format puts it, and anything else is refused with the file and line, so
/// a damaged post never half-imports. Only the spacing between blocks may differ from the classic layout, and it
/// must be the same throughout the post; it is kept (<see cref="ImportedPost.Layout"/>) so the post renders back.
/// </summary>
public static partial class HotPapersPostParser
{
    public static ImportedPost Parse(string fileName, string content)
    {
        var reader = new LineReader(fileName, content);
        var layout = new LayoutRecorder(reader);
        var (window, generatedAt) = ReadFrontMatter(reader, layout);
        var blocks = new List<(int Rank, Paper Paper, int R, int F, DateTime At, List<ImportedEmbed> Embeds)>();
        var ranks = new Dictionary<ArxivId, int>();
        if (!reader.AtEnd) layout.Record(nameof(PostLayout.AfterFrontMatter), reader.SkipBlankLines());
        while (!reader.AtEnd)
        {
            var block = ReadPaper(reader, layout, window, blocks.Count + 1, ranks);
            blocks.Add(block);
        }

        // The original broke ties in reverse crawl order; giving earlier ranks later crawl places makes a re-rank
        // of these papers reproduce the printed order exactly.
        var papers = blocks
            .Select(b => new ImportedPaper(b.Rank, b.Paper with { CrawlOrder = blocks.Count - b.Rank + 1 }, b.R, b.F, b.At, b.Embeds))
            .ToList();
        return new ImportedPost(fileName, window, generatedAt, papers, layout.Layout());
    }

    private static (DigestWindow, DateTime) ReadFrontMatter(LineReader reader, LayoutRecorder layout)
    {
        reader.Expect(GatsbyPostFormat.Fence, "the front matter's opening '---'");
        var titleLine = reader.Next("the title line");
        var title = TitleLine().Match(titleLine);
        if (!title.Success || !DigestWindow.TryParseDateStr(title.Groups[1].Value, out var window))
            throw reader.Error("expected 'title: Hot Papers YYYY-MM-DD' (or a range 'START - END')");
        var dateLine = reader.Next("the date line");
        var date = DateLine().Match(dateLine);
        if (!date.Success || !DateTime.TryParseExact(date.Groups[1].Value, GatsbyPostFormat.FrontMatterDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var generatedAt))
            throw reader.Error("expected 'date: YYYY-MM-DDTHH:MM:SS.Z'");
        // The front matter's own lines are fixed; only the blank lines before its closing fence are spacing.
        foreach (var expected in GatsbyPostFormat.FrontMatterLines(window, "").Skip(2).Where(l => l.Length > 0))
            reader.Expect(expected, $"'{expected}'");
        layout.Record(nameof(PostLayout.BeforeClosingFence), reader.SkipBlankLines());
        reader.Expect(GatsbyPostFormat.Fence, "the front matter's closing '---'");
        return (window, generatedAt);
    }

    private static (int, Paper, int, int, DateTime, List<ImportedEmbed>) ReadPaper(
        LineReader reader, LayoutRecorder layout, DigestWindow window, int expectedRank, Dictionary<ArxivId, int> ranks)
    {
        var heading = HeadingLine().Match(reader.Next("a '# N. Title' heading"));
        if (!heading.Success) throw reader.Error("expected a paper heading '# N. Title'");
        var rank = int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture);
        if (rank != expectedRank) throw reader.Error($"paper numbered {rank}, expected {expectedRank}");
        var title = heading.Groups[2].Value;

        layout.Record(nameof(PostLayout.AfterHeading), reader.SkipBlankLines());
        var authors = reader.Next("the authors line").Split(GatsbyPostFormat.AuthorSeparator);
        layout.Record(nameof(PostLayout.AfterAuthors), reader.SkipBlankLines());

        var stats = StatsLine().Match(reader.Next("the stats line"));
        if (!stats.Success) throw reader.Error("expected '- retweets: R, favorites: F (MM/DD/YYYY HH:MM:SS)'");
        if (!int.TryParse(stats.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var reposts)
            || !int.TryParse(stats.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var likes))
            throw reader.Error("retweets and favorites must be whole numbers that fit in 32 bits");
        if (!DateTime.TryParseExact(stats.Groups[3].Value, GatsbyPostFormat.StatsTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var measuredAt))
            throw reader.Error($"'{stats.Groups[3].Value}' is not a time MM/DD/YYYY HH:MM:SS");
        layout.Record(nameof(PostLayout.AfterStats), reader.SkipBlankLines());

        var links = LinksLine().Match(reader.Next("the links line"));
        if (!links.Success) throw reader.Error("expected '- links: [abs](URL) | [pdf](URL)'");
        var absUrl = links.Groups[1].Value;
        if (!ArxivId.TryFromPaperUrl(absUrl, out var id)) throw reader.Error($"'{absUrl}' is not an arXiv abs link");
        // Two blocks of one paper would be one paper in the store: the second would silently replace the first.
        if (!ranks.TryAdd(id, rank)) throw reader.Error($"paper {id.Value} is printed twice in this post (already as #{ranks[id]})");
        var pdfUrl = links.Groups[2].Success ? links.Groups[2].Value : null;
        layout.Record(nameof(PostLayout.BetweenLinksAndCategories), reader.SkipBlankLines());

        var subjects = ReadCategories(reader);
        var run = reader.SkipBlankLines();
        string abstractText;
        if (IsBlockBoundary(reader.Peek()))
        {
            // An empty abstract is an empty line inside this run: what comes before it is the usual spacing
            // after the categories, and the rest is the spacing after the abstract.
            var afterCategories = layout.Known(nameof(PostLayout.AfterCategories), PostLayout.Classic.AfterCategories);
            if (run < afterCategories + 1) throw reader.Error("expected the abstract line after the categories");
            layout.Record(nameof(PostLayout.AfterCategories), afterCategories);
            abstractText = "";
            run -= afterCategories + 1;
        }
        else
        {
            layout.Record(nameof(PostLayout.AfterCategories), run);
            abstractText = reader.Next("the abstract");
            run = reader.SkipBlankLines();
        }

        var embeds = new List<ImportedEmbed>();
        while (reader.Peek() is { } next && next.StartsWith('<'))
        {
            layout.Record(embeds.Count == 0 ? nameof(PostLayout.AfterAbstract) : nameof(PostLayout.BetweenEmbeds), run);
            embeds.Add(ReadEmbed(reader));
            run = reader.SkipBlankLines();
        }
        if (reader.AtEnd)
            layout.Record(nameof(PostLayout.AtEnd), run);
        else if (HeadingLine().IsMatch(reader.Peek()!))
            layout.Record(nameof(PostLayout.BetweenPapers), run);
        else
        {
            reader.Next("the next block");
            throw reader.Error("expected an embed, the next paper's '# N. Title' heading or the end of the post");
        }

        var paper = new Paper(id, title, authors, subjects, abstractText, absUrl, pdfUrl, window.Start, CrawlOrder: 0);
        return (rank, paper, reposts, likes, measuredAt, embeds);
    }

    /// <summary>What can follow a paper's text: an embed, the next heading, or the end of the post.</summary>
    private static bool IsBlockBoundary(string? line) =>
        line is null || line.StartsWith("<blockquote", StringComparison.Ordinal) || HeadingLine().IsMatch(line);

    private static List<Subject> ReadCategories(LineReader reader)
    {
        var line = reader.Next("the categories line");
        if (!line.StartsWith("- [", StringComparison.Ordinal)) throw reader.Error("expected the categories line '- [code](https://arxiv.org/list/code/recent) | …'");
        var subjects = new List<Subject>();
        foreach (var part in line[2..].Split(" | "))
        {
            var match = CategoryLink().Match(part);
            if (!match.Success || match.Groups[1].Value != match.Groups[2].Value)
                throw reader.Error($"'{part}' is not a category link [code](https://arxiv.org/list/code/recent)");
            subjects.Add(new Subject(match.Groups[1].Value));
        }
        return subjects;
    }

    private static ImportedEmbed ReadEmbed(LineReader reader)
    {
        var blockquote = reader.Next("an embed");
        SocialPost post;
        try
        {
            post = TweetEmbedParser.Parse(blockquote);
        }
        catch (EmbedFormatException e)
        {
            throw reader.Error(e.Message);
        }
        // The embed's HTML is kept and printed again into new posts: it is held to the same rules as fetched oEmbed HTML.
        if (!OEmbedHtmlPolicy.IsAllowed(blockquote, out var refused)) throw reader.Error($"embed refused: {refused}");
        if (PostFieldRules.Problem(post) is { } problem) throw reader.Error($"embed refused: {problem}");
        var script = reader.Next("the widgets.js script line after the embed");
        if (script != TweetHtml.ScriptLine) throw reader.Error("expected the widgets.js <script> line after the embed");
        return new ImportedEmbed(post, blockquote + "\n" + script);
    }

    [GeneratedRegex(@"^title: Hot Papers (.+)$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^date: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.Z$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^# (\d+)\. (.+)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^- retweets: ([0-9]+), favorites: ([0-9]+) \((.+)\)$")]
    private static partial Regex StatsLine();

    [GeneratedRegex(@"^- links: \[abs\]\((\S+)\)(?: \| \[pdf\]\((\S+)\))?$")]
    private static partial Regex LinksLine();

    [GeneratedRegex(@"^\[([^\]\s]+)\]\(https://arxiv\.org/list/([^)\s]+)/recent\)$")]
    private static partial Regex CategoryLink();
}
