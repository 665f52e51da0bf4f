using HotPapers.Domain;
using HotPapers.Publishing;
using HotPapers.Ranking;

namespace HotPapers.Tests.Foundation;

/// <summary>Acceptance 3: the classic rules, one at a time, on small hand-made days.</summary>
public class ClassicRankingTests
{
    private static readonly DigestWindow Day = DigestWindow.Day(new DateOnly(2021, 6, 10));
    private static readonly DateTime Generated = new(2021, 6, 11, 9, 50, 30);
    private static readonly DateTimeOffset Measured = new(2021, 6, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ties_come_out_in_reverse_crawl_order()
    {
        var papers = new[] { Candidate("2106.00001", 1, 60), Candidate("2106.00002", 2, 60), Candidate("2106.00003", 3, 80), Candidate("2106.00004", 4, 60) };
        var ranked = Rank(papers);
        Assert.Equal(["2106.00003", "2106.00004", "2106.00002", "2106.00001"], ranked.Papers.Select(p => p.Candidate.Paper.Id.Value));
        Assert.Equal([1, 2, 3, 4], ranked.Papers.Select(p => p.Rank));
    }

    [Fact]
    public void Papers_under_the_threshold_or_without_pdf_are_dropped_and_50_is_enough()
    {
        var noPdf = Candidate("2106.00002", 2, 500);
        noPdf = noPdf with { Paper = noPdf.Paper with { PdfUrl = null } };
        var ranked = Rank([Candidate("2106.00001", 1, 50), noPdf, Candidate("2106.00003", 3, 49)]);
        Assert.Equal(["2106.00001"], ranked.Papers.Select(p => p.Candidate.Paper.Id.Value));
    }

    [Fact]
    public void The_top_ten_posts_are_taken_before_the_threshold_drops_any()
    {
        // Twelve posts: ten small ones that outrank nothing, then two that would pass the threshold but are 11th and 12th.
        var posts = Enumerable.Range(1, 10).Select(i => Post($"{i}", 30 + i)).Concat([Post("11", 26), Post("12", 25)]).ToList();
        posts.AddRange(Enumerable.Range(13, 5).Select(i => Post($"{i}", 24)));
        var shown = ClassicRanking.SelectPosts(posts, new ClassicOptions(), p => p.Post.PostId);
        Assert.Equal(10, shown.Count);
        Assert.DoesNotContain(shown, s => s.Candidate.Post.PostId is "11" or "12");

        // When the top ten include small posts, they are dropped after the cut, leaving fewer than ten.
        var mixed = new[] { Post("a", 100), Post("b", 24), Post("c", 25), Post("d", 3) }.Concat(Enumerable.Range(0, 8).Select(i => Post($"x{i}", 1))).Append(Post("late", 90 - 90 + 0)).ToList();
        var kept = ClassicRanking.SelectPosts(mixed, new ClassicOptions(), p => p.Post.PostId);
        Assert.Equal(["a", "c"], kept.Select(s => s.Candidate.Post.PostId));
    }

    [Fact]
    public void Post_ties_come_out_in_reverse_found_order_and_the_first_post_is_not_exempt()
    {
        var shown = ClassicRanking.SelectPosts([Post("first", 40), Post("second", 40), Post("third", 41)], new ClassicOptions(), p => p.Post.PostId);
        Assert.Equal(["third", "second", "first"], shown.Select(s => s.Candidate.Post.PostId));

        var none = ClassicRanking.SelectPosts([Post("only", 24)], new ClassicOptions(), p => p.Post.PostId);
        Assert.Empty(none);
    }

    [Fact]
    public void A_paper_with_no_qualifying_post_is_written_without_embeds()
    {
        var paper = Candidate("2106.00001", 1, 60, [Post("small", 10)]);
        var text = GatsbyPostWriter.Write(Rank([paper]));
        Assert.DoesNotContain("<blockquote", text);
        Assert.EndsWith("\nAbstract of 2106.00001.\n\n\n\n", text);
    }

    [Fact]
    public void A_day_where_nothing_qualifies_is_the_front_matter_alone()
    {
        var text = GatsbyPostWriter.Write(Rank([Candidate("2106.00001", 1, 10)]));
        Assert.StartsWith("---\ntitle: Hot Papers 2021-06-10\ndate: 2021-06-11T09:50:30.Z\n", text);
        Assert.EndsWith("socialImage: \"/media/flying-marine.jpg\"\n\n---\n", text);
        Assert.DoesNotContain("# 1.", text);
    }

    [Fact]
    public void A_range_uses_the_spaced_date_str_inside_and_the_joined_one_in_the_file_name()
    {
        var window = new DigestWindow(new DateOnly(2021, 6, 9), new DateOnly(2021, 6, 10));
        var text = GatsbyPostWriter.Write(ClassicRanking.Rank(new DigestCandidates(window, null, []), Generated, new ClassicOptions(), p => ""));
        Assert.Contains("title: Hot Papers 2021-06-09 - 2021-06-10\n", text);
        Assert.Contains("slug: \"hot-papers-2021-06-09 - 2021-06-10\"\n", text);
        Assert.Contains("description: \"Hot papers 2021-06-09 - 2021-06-10\"\n", text);
        Assert.Equal("2021-06-09-2021-06-10---Hot-Papers.md", window.FileName);
    }

    [Fact]
    public void A_repost_of_a_shown_original_and_a_repeated_embed_are_skipped()
    {
        var original = Post("orig", 200);
        var repost = Post("rt", 100) with { Post = original.Post with { PostId = "rt", RepostOf = "orig" } };
        var sameHtmlA = Post("dupA", 60);
        var sameHtmlB = Post("dupB", 50);
        var html = new Dictionary<string, string> { ["orig"] = "<orig>", ["rt"] = "<rt>", ["dupA"] = "<same>", ["dupB"] = "<same>" };
        var shown = ClassicRanking.SelectPosts([original, repost, sameHtmlA, sameHtmlB], new ClassicOptions(), p => html[p.Post.PostId]);
        Assert.Equal(["orig", "dupA"], shown.Select(s => s.Candidate.Post.PostId));
    }

    [Fact]
    public void Imported_posts_without_counts_keep_their_embed_order_and_skip_the_threshold()
    {
        var imported = new[] { Imported("third", 3), Imported("first", 1), Imported("second", 2) };
        var shown = ClassicRanking.SelectPosts(imported, new ClassicOptions(), p => p.Post.PostId);
        Assert.Equal(["first", "second", "third"], shown.Select(s => s.Candidate.Post.PostId));
    }

    private static RankedDigest Rank(IReadOnlyList<CandidatePaper> papers) =>
        ClassicRanking.Rank(new DigestCandidates(Day, null, papers), Generated, new ClassicOptions(), p => p.Post.PostId);

    private static CandidatePaper Candidate(string id, int crawlOrder, int score, IReadOnlyList<CandidatePost>? posts = null)
    {
        var paper = new Paper(ArxivId.Parse(id), $"Title {id}", ["A. Author"], [new Subject("cs.LG")], $"Abstract of {id}.",
            $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", Day.Start, crawlOrder);
        return new CandidatePaper(paper, score, 0, Generated, posts ?? []);
    }

    private static CandidatePost Post(string id, int score) =>
        new(SocialPostFor(id), new EngagementSnapshot(SocialPost.X, id, score, 0, Measured), null, null);

    private static CandidatePost Imported(string id, int order) => new(SocialPostFor(id), null, order, null);

    private static SocialPost SocialPostFor(string id) =>
        new(SocialPost.X, id, "someone", "Someone", Measured, "en", "ltr", $"post {id}", []);
}
