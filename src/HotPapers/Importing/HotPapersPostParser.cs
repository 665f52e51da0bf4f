using System.Globalization;
using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Publishing;
using HotPapers.Social;
using HotPapers.Social.X;

namespace HotPapers.Importing;

/// <summary>
/// Reads a published Hot Papers post (post-format.md) back into data. Strict: every line must be where the
/// format puts it, and anything else is refused with the file and line, so a damaged post never half-imports.
/// </summary>
public static partial class HotPapersPostParser
{
    public static ImportedPost Parse(string fileName, string content)
    {
        var reader = new LineReader(fileName, content);
        var (window, generatedAt) = ReadFrontMatter(reader);
        var blocks = new List<(int Rank, Paper Paper, int R, int F, DateTime At, List<ImportedEmbed> Embeds)>();
        while (!reader.AtEnd)
        {
            reader.Expect("", "a blank line before the next paper");
            if (reader.AtEnd) break;
            blocks.Add(ReadPaper(reader, window, blocks.Count + 1));
        }

        // The original broke ties in reverse crawl order; giving earlier ranks later crawl places makes a re-rank
        // of these papers reproduce the printed order exactly.
        var papers = blocks
            .Select(b => new ImportedPaper(b.Rank, b.Paper with { CrawlOrder = blocks.Count - b.Rank + 1 }, b.R, b.F, b.At, b.Embeds))
            .ToList();
        return new ImportedPost(fileName, window, generatedAt, papers);
    }

    private static (DigestWindow, DateTime) ReadFrontMatter(LineReader reader)
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
        foreach (var expected in GatsbyPostFormat.FrontMatterLines(window, "").Skip(2))
            reader.Expect(expected, expected.Length == 0 ? "the blank line that ends the front matter" : $"'{expected}'");
        reader.Expect(GatsbyPostFormat.Fence, "the front matter's closing '---'");
        return (window, generatedAt);
    }

    private static (int, Paper, int, int, DateTime, List<ImportedEmbed>) ReadPaper(LineReader reader, DigestWindow window, int expectedRank)
    {
        var heading = HeadingLine().Match(reader.Next("a '# N. Title' heading"));
        if (!heading.Success) throw reader.Error("expected a paper heading '# N. Title'");
        var rank = int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture);
        if (rank != expectedRank) throw reader.Error($"paper numbered {rank}, expected {expectedRank}");
        var title = heading.Groups[2].Value;

        reader.Expect("", "a blank line after the heading");
        var authors = reader.Next("the authors line").Split(GatsbyPostFormat.AuthorSeparator);
        reader.Expect("", "a blank line after the authors");

        var stats = StatsLine().Match(reader.Next("the stats line"));
        if (!stats.Success) throw reader.Error("expected '- retweets: R, favorites: F (MM/DD/YYYY HH:MM:SS)'");
        if (!int.TryParse(stats.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var reposts)
            || !int.TryParse(stats.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var likes))
            throw reader.Error("retweets and favorites must be whole numbers that fit in 32 bits");
        if (!DateTime.TryParseExact(stats.Groups[3].Value, GatsbyPostFormat.StatsTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var measuredAt))
            throw reader.Error($"'{stats.Groups[3].Value}' is not a time MM/DD/YYYY HH:MM:SS");
        reader.Expect("", "a blank line after the stats line");

        var links = LinksLine().Match(reader.Next("the links line"));
        if (!links.Success) throw reader.Error("expected '- links: [abs](URL) | [pdf](URL)'");
        var absUrl = links.Groups[1].Value;
        if (!ArxivId.TryFromPaperUrl(absUrl, out var id)) throw reader.Error($"'{absUrl}' is not an arXiv abs link");
        var pdfUrl = links.Groups[2].Success ? links.Groups[2].Value : null;

        var subjects = ReadCategories(reader);
        reader.Expect("", "a blank line after the categories");
        var abstractText = reader.Next("the abstract");
        if (abstractText.Length == 0) throw reader.Error("the abstract is empty");
        reader.Expect("", "a blank line after the abstract");

        var embeds = new List<ImportedEmbed>();
        while (reader.Peek() is { } next && next.StartsWith('<'))
        {
            embeds.Add(ReadEmbed(reader));
            reader.Expect("", "a blank line after the embed");
        }
        reader.Expect("", "the blank lines that end a paper");
        reader.Expect("", "the blank lines that end a paper");

        var paper = new Paper(id, title, authors, subjects, abstractText, absUrl, pdfUrl, window.Start, CrawlOrder: 0);
        return (rank, paper, reposts, likes, measuredAt, embeds);
    }

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
