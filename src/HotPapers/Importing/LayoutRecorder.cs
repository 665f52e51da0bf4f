using HotPapers.Domain;

namespace HotPapers.Importing;

/// <summary>
/// Learns a post's <see cref="PostLayout"/> while it is read: the first run of blank lines seen at a place fixes
/// that place's count, and every later run there must match it (a post keeps one layout throughout). Places the
/// post never reaches (embeds, in a post without any) keep the classic count.
/// </summary>
internal sealed class LayoutRecorder(LineReader reader)
{
    private readonly Dictionary<string, (int Count, int Line)> _seen = new(StringComparer.Ordinal);

    /// <summary>The count fixed for a place so far, or the classic one.</summary>
    public int Known(string place, int classic) => _seen.TryGetValue(place, out var s) ? s.Count : classic;

    public void Record(string place, int blanks)
    {
        if (!_seen.TryGetValue(place, out var first))
        {
            _seen[place] = (blanks, reader.LineNumber);
            return;
        }
        if (first.Count != blanks)
            throw reader.Error($"{Lines(blanks)} {Describe(place)}, but {Lines(first.Count)} at line {first.Line}: a post keeps one spacing throughout");
    }

    public PostLayout Layout()
    {
        var c = PostLayout.Classic;
        return new PostLayout(
            Known(nameof(c.BeforeClosingFence), c.BeforeClosingFence), Known(nameof(c.AfterFrontMatter), c.AfterFrontMatter),
            Known(nameof(c.AfterHeading), c.AfterHeading), Known(nameof(c.AfterAuthors), c.AfterAuthors), Known(nameof(c.AfterStats), c.AfterStats),
            Known(nameof(c.BetweenLinksAndCategories), c.BetweenLinksAndCategories), Known(nameof(c.AfterCategories), c.AfterCategories),
            Known(nameof(c.AfterAbstract), c.AfterAbstract), Known(nameof(c.BetweenEmbeds), c.BetweenEmbeds),
            Known(nameof(c.BetweenPapers), c.BetweenPapers), Known(nameof(c.AtEnd), c.AtEnd));
    }

    private static string Lines(int n) => n == 1 ? "1 blank line" : $"{n} blank lines";

    private static string Describe(string place) => place switch
    {
        nameof(PostLayout.BeforeClosingFence) => "before the front matter's closing '---'",
        nameof(PostLayout.AfterFrontMatter) => "after the front matter",
        nameof(PostLayout.AfterHeading) => "after the heading",
        nameof(PostLayout.AfterAuthors) => "after the authors",
        nameof(PostLayout.AfterStats) => "after the stats line",
        nameof(PostLayout.BetweenLinksAndCategories) => "between the links and the categories",
        nameof(PostLayout.AfterCategories) => "after the categories",
        nameof(PostLayout.AfterAbstract) => "after the abstract",
        nameof(PostLayout.BetweenEmbeds) => "between embeds",
        nameof(PostLayout.BetweenPapers) => "before this paper",
        _ => "at the end of the post",
    };
}
