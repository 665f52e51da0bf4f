using System.Globalization;

namespace HotPapers.Domain;

/// <summary>
/// How many blank lines a Hot Papers post put at each place. The blog's posts did not always space their blocks the
/// same way (docs/imports.md lists the layouts); a post imported in one is rendered back in the same one.
/// </summary>
/// <param name="BeforeClosingFence">Between the last front matter line (<c>socialImage</c>) and the closing <c>---</c>.</param>
/// <param name="AfterFrontMatter">Between the closing <c>---</c> and the first paper's heading.</param>
/// <param name="BetweenPapers">Between the last line of a paper (its abstract or last embed) and the next heading.</param>
/// <param name="AtEnd">After the last line of the last paper, before the end of the file.</param>
public sealed record PostLayout(
    int BeforeClosingFence, int AfterFrontMatter, int AfterHeading, int AfterAuthors, int AfterStats, int BetweenLinksAndCategories,
    int AfterCategories, int AfterAbstract, int BetweenEmbeds, int BetweenPapers, int AtEnd)
{
    /// <summary>The layout of every post from 2020-10 on (post-format.md), and of everything the product writes.</summary>
    public static readonly PostLayout Classic = new(1, 1, 1, 1, 1, 0, 1, 1, 1, 4, 3);

    /// <summary>The stored form: the eleven counts, comma-separated, in parameter order.</summary>
    public string Key => string.Join(',', Counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    public static PostLayout FromKey(string key)
    {
        var c = key.Split(',').Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        if (c.Length != 11) throw new FormatException($"a post layout has 11 counts, not {c.Length}: '{key}'");
        return new PostLayout(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
    }

    private int[] Counts =>
        [BeforeClosingFence, AfterFrontMatter, AfterHeading, AfterAuthors, AfterStats, BetweenLinksAndCategories,
         AfterCategories, AfterAbstract, BetweenEmbeds, BetweenPapers, AtEnd];
}
