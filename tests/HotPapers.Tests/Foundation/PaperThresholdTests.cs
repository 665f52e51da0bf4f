using System.Text.RegularExpressions;
using HotPapers.Publishing;
using HotPapers.Ranking;
using HotPapers.Testing;

namespace HotPapers.Tests.Foundation;

/// <summary>
/// Acceptance 2: the output is computed from data, not copied text. With a higher paper threshold the post must
/// hold exactly the seed's papers with R+F at or above it, renumbered, each block otherwise identical. The expected
/// text is cut from the seed with plain string operations, independent of the importer.
/// </summary>
public partial class PaperThresholdTests
{
    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public void A_threshold_of_200_keeps_exactly_the_papers_at_or_above_it(string date)
    {
        using var fixture = new StoreFixture().ImportSeed(date);
        var options = new RenderOptions { Classic = new ClassicOptions { PaperThreshold = 200 } };
        var actual = fixture.Renderer().RenderText(Seeds.Window(date), options);
        Golden.AssertSameText(ExpectedWithThreshold(Seeds.Text(date), 200), actual, $"{date} with --paper-threshold 200");
    }

    [Fact]
    public void The_threshold_is_inclusive()
    {
        using var fixture = new StoreFixture().ImportSeed("2020-10-27");
        // The seed's lowest paper has R+F = 51 + 26 or similar: take its exact score as the threshold.
        var scores = Blocks(Seeds.Text("2020-10-27")).Select(Score).ToList();
        var lowest = scores.Min();
        var options = new RenderOptions { Classic = new ClassicOptions { PaperThreshold = lowest } };
        var actual = fixture.Renderer().RenderText(Seeds.Window("2020-10-27"), options);
        Assert.Equal(scores.Count, HeadingLine().Matches(actual).Count);
        options = options with { Classic = new ClassicOptions { PaperThreshold = lowest + 1 } };
        actual = fixture.Renderer().RenderText(Seeds.Window("2020-10-27"), options);
        Assert.Equal(scores.Count(s => s > lowest), HeadingLine().Matches(actual).Count);
    }

    private static string ExpectedWithThreshold(string seed, int threshold)
    {
        var frontMatter = seed[..(seed.IndexOf("\n---\n", StringComparison.Ordinal) + 5)];
        var kept = Blocks(seed).Where(b => Score(b) >= threshold);
        return frontMatter + string.Concat(kept.Select((block, i) => HeadingLine().Replace(block, $"# {i + 1}. ", 1)));
    }

    /// <summary>Each paper block starts at the blank line before its '# N. ' heading and runs to the next such line.</summary>
    private static List<string> Blocks(string seed)
    {
        var starts = HeadingLine().Matches(seed).Select(m => m.Index - 1).ToList();
        return starts.Select((s, i) => seed[s..(i + 1 < starts.Count ? starts[i + 1] : seed.Length)]).ToList();
    }

    private static int Score(string block)
    {
        var m = StatsLine().Match(block);
        return int.Parse(m.Groups[1].Value) + int.Parse(m.Groups[2].Value);
    }

    [GeneratedRegex(@"(?m)^# \d+\. ")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"(?m)^- retweets: (\d+), favorites: (\d+) ")]
    private static partial Regex StatsLine();
}
