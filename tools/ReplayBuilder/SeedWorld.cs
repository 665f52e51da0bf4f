using HotPapers.Domain;
using HotPapers.Importing;

namespace HotPapers.ReplayBuilder;

/// <summary>A post on X as the fake search serves it: the post, the paper it links, and its counts.</summary>
public sealed record WorldPost(SocialPost Post, ArxivId Paper, int Reposts, int Likes, string? EmbedHtml)
{
    public bool IsFiller => EmbedHtml is null;
}

/// <summary>A paper as the fake arXiv serves it, with the place it takes in the day's crawl.</summary>
public sealed record WorldPaper(Paper Paper, int CrawlOrder);

/// <summary>
/// What arXiv and X "were" on a seed's day, rebuilt from the seed post alone. Real: every paper's title,
/// authors, subjects, abstract and links, every shown post with its text, entities, author and embed HTML,
/// the totals R and F and the times they were measured. Made up, because the post does not show them: the
/// per-post split of R and F, the order of the listing, which t.co link of a post pointed at the paper, and
/// small "filler" posts for a paper that shows no post at all. The choices are the simplest that make the
/// classic algorithm pick exactly what the seed shows:
/// <list type="bullet">
/// <item>crawl order is the reverse of the rank (ties in score then keep the seed's order);</item>
/// <item>shown posts get strictly decreasing scores of at least 25, the surplus of R+F shared out by halves;</item>
/// <item>a paper without a shown post gets fillers of score 24 or less (never shown), adding up to R+F.</item>
/// </list>
/// </summary>
public sealed class SeedWorld
{
    public const string FillerHandle = "hotpapersreplay"; // 15 characters: X handles are never longer, and the collector refuses what X would never send

    private SeedWorld(ImportedPost seed, List<WorldPaper> papers, List<WorldPost> posts)
    {
        Seed = seed;
        Papers = papers;
        Posts = posts;
    }

    public ImportedPost Seed { get; }

    /// <summary>Papers in crawl order.</summary>
    public IReadOnlyList<WorldPaper> Papers { get; }

    public IReadOnlyList<WorldPost> Posts { get; }

    /// <summary>The seed's stats-line times in rank order: when the original measured each paper.</summary>
    public IEnumerable<DateTime> MeasureTimes => Seed.Papers.Select(p => p.MeasuredAt);

    /// <summary>
    /// The same day with <paramref name="count"/> more papers in the listing that nobody posted about, as most of a
    /// real day's 600–900 cs and stat.ML papers are: what a daily run has to search for (the request benchmark).
    /// </summary>
    public SeedWorld WithQuietPapers(int count)
    {
        var day = Seed.Window.Start;
        var quiet = Enumerable.Range(1, count).Select(n =>
        {
            var id = ArxivId.TryParse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day:yyMM}.{90000 + n:D5}"), out var parsed, out _)
                ? parsed : throw new InvalidOperationException($"no synthetic id for {n}");
            var paper = new Paper(id, $"Quiet paper {n} (synthetic)", ["A. Author"], [new Subject("cs.LG")], "A synthetic abstract.",
                $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", day, Papers.Count + n);
            return new WorldPaper(paper, Papers.Count + n);
        });
        return new SeedWorld(Seed, [.. Papers, .. quiet], [.. Posts]);
    }

    public static SeedWorld From(ImportedPost seed)
    {
        var count = seed.Papers.Count;
        var papers = seed.Papers.Select(p => new WorldPaper(p.Paper, count - p.Rank + 1)).OrderBy(p => p.CrawlOrder).ToList();
        var posts = new List<WorldPost>();
        var fillers = 0;
        foreach (var paper in seed.Papers)
        {
            var total = paper.Reposts + paper.Likes;
            var scores = paper.Embeds.Count > 0 ? ShownScores(total, paper.Embeds.Count, paper) : FillerScores(total);
            var split = Split(scores, paper.Reposts);
            for (var i = 0; i < scores.Count; i++)
            {
                var (reposts, likes) = split[i];
                if (paper.Embeds.Count > 0)
                {
                    var embed = paper.Embeds[i];
                    posts.Add(new WorldPost(LinkingPaper(embed.Post, paper.Paper.Id), paper.Paper.Id, reposts, likes, embed.Html));
                }
                else
                {
                    posts.Add(new WorldPost(Filler(seed.Window.Start, ++fillers, paper.Paper.Id), paper.Paper.Id, reposts, likes, null));
                }
            }
        }
        var twice = posts.GroupBy(p => p.Post.PostId).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidOperationException($"{seed.SourceName}: post {twice.Key} is shown under two papers; one count cannot serve both");
        return new SeedWorld(seed, papers, posts);
    }

    /// <summary>Strictly decreasing scores, the last one 25: the surplus is shared out by halves, the first post taking most.</summary>
    private static List<int> ShownScores(int total, int shown, ImportedPaper paper)
    {
        var scores = Enumerable.Range(0, shown).Select(i => 25 + (shown - 1 - i)).ToList();
        var surplus = total - scores.Sum();
        if (surplus < 0)
            throw new InvalidOperationException($"paper {paper.Paper.Id}: R+F = {total} cannot give {shown} shown posts a score of 25 or more each");
        var weight = (1L << shown) - 1;
        var given = 0;
        for (var i = 0; i < shown; i++)
        {
            var share = (int)(surplus * (1L << (shown - 1 - i)) / weight);
            scores[i] += share;
            given += share;
        }
        scores[0] += surplus - given;
        return scores;
    }

    /// <summary>Posts too small to be shown (score 24 or less) adding up to the paper's total.</summary>
    private static List<int> FillerScores(int total)
    {
        var scores = Enumerable.Repeat(24, total / 24).ToList();
        if (total % 24 > 0) scores.Add(total % 24);
        return scores;
    }

    /// <summary>Reposts in proportion to the paper's, rounded down, the rest handed out one by one; likes make up each score.</summary>
    private static List<(int Reposts, int Likes)> Split(List<int> scores, int reposts)
    {
        var total = scores.Sum();
        var r = scores.Select(s => total == 0 ? 0 : (int)((long)s * reposts / total)).ToList();
        for (var i = 0; r.Sum() < reposts; i = (i + 1) % r.Count)
            if (r[i] < scores[i]) r[i]++;
        return scores.Select((s, i) => (r[i], s - r[i])).ToList();
    }

    /// <summary>
    /// The embed shows t.co links only; the original found the post by <c>url:</c> search, so one of them pointed at
    /// the paper. The first non-media link is given the abs URL as its expanded URL.
    /// </summary>
    private static SocialPost LinkingPaper(SocialPost post, ArxivId paper)
    {
        var entities = post.Entities.ToList();
        var link = entities.FindIndex(e => e.Kind == EntityKind.Url);
        if (link < 0) throw new InvalidOperationException($"post {post.PostId} has no link that could point at {paper}");
        entities[link] = entities[link] with { Expanded = $"https://arxiv.org/abs/{paper}" };
        return post with { Entities = entities };
    }

    private static SocialPost Filler(DateOnly day, int n, ArxivId paper)
    {
        var created = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).AddMinutes(n);
        var id = ((created.ToUnixTimeMilliseconds() - 1288834974657L) << 22).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tco = $"https://t.co/replay{n:D4}";
        var text = $"Filler post {n} of the offline replay (not a real post): {tco}";
        return new SocialPost(SocialPost.X, id, FillerHandle, "HotPapers offline replay", created, "en", "ltr", text,
            [new PostEntity(EntityKind.Url, text.Length - tco.Length, text.Length, tco, null, $"https://arxiv.org/abs/{paper}")]);
    }
}
