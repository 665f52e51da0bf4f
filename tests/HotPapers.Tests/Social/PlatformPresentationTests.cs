using System.Text.RegularExpressions;
using HotPapers.Cli;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social;

/// <summary>
/// Every platform shown as itself in the Gatsby post: by default only X counts and is embedded (the original's
/// meaning); <c>Classic:Platforms</c> adds Bluesky in Bluesky's own embed form and Hacker News as a story, and no
/// post of another platform is ever dressed as a tweet.
/// </summary>
public sealed partial class PlatformPresentationTests
{
    private static async Task<string> Render(TempStore temp, params string[] settings)
    {
        var outDir = Path.Combine(Path.GetDirectoryName(temp.Path)!, "out-" + Guid.NewGuid().ToString("N"));
        var args = new List<string> { "--db", temp.Path, "--now", "2024-12-01T10:00:00Z", "render", "--date", "2024-01-09", "--out", outDir };
        foreach (var setting in settings) args.AddRange(["--setting", setting]);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HotPapersCli.RunAsync([.. args], output, error, _ => null);
        Assert.True(code == 0, error.ToString());
        return File.ReadAllText(Path.Combine(outDir, "2024-01-09---Hot-Papers.md"));
    }

    private static async Task<TempStore> MixedStore()
    {
        var temp = new TempStore();
        using var store = temp.Open();
        await MixedPlatformsDay.FillAsync(store);
        return temp;
    }

    [Fact]
    public async Task By_default_only_the_X_post_counts_and_is_embedded()
    {
        using var temp = await MixedStore();

        var post = await Render(temp);

        Assert.Contains("- retweets: 120, favorites: 480 (", post);
        Assert.Single(Regex.Matches(post, "<blockquote"));
        Assert.Contains("<blockquote class=\"twitter-tweet\">", post);
        Assert.Contains("https://twitter.com/ak92501/status/1744700000000000001", post);
        Assert.DoesNotContain("bluesky", post);
        Assert.DoesNotContain("hackernews", post);
    }

    [Fact]
    public async Task With_bluesky_among_the_classic_platforms_the_bluesky_post_counts_and_is_embedded_in_bluesky_form()
    {
        using var temp = await MixedStore();

        var post = await Render(temp, "Classic:Platforms=x,bluesky");

        Assert.Contains("- retweets: 150, favorites: 550 (", post);
        Assert.Equal(2, Regex.Matches(post, "<blockquote").Count);
        var bluesky = Assert.Single(post.Split('\n'), l => l.StartsWith("<blockquote class=\"bluesky-embed\"", StringComparison.Ordinal));
        Assert.Equal("<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lxyzabc2k22y\" data-bluesky-cid=\"bafyreigh7yhpxq6y5s3rk4ctq3gyjfrp4b3nmvzkmacgdr3j4zdq6vxrqe\"><p lang=\"de\">Schöne Arbeit 🎉 arxiv.org/abs/2401.04088 via @alice.bsky.social #LLM<br><br><a href=\"https://bsky.app/profile/did:plc:4hqjfn7m6n5hno3doamuhgef/post/3lxyzabc2k22y?ref_src=embed\">[image or embed]</a></p>&mdash; <a href=\"https://bsky.app/profile/did:plc:4hqjfn7m6n5hno3doamuhgef?ref_src=embed\">@researcher.bsky.social</a> <a href=\"https://bsky.app/profile/did:plc:4hqjfn7m6n5hno3doamuhgef/post/3lxyzabc2k22y?ref_src=embed\">2024-01-09T10:31:07.118Z</a></blockquote><script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>", bluesky);
        AssertTwitterUrlsAreOnlyXPosts(post);
    }

    [Fact]
    public async Task A_hacker_news_story_is_shown_as_a_story_with_points_and_comments()
    {
        using var temp = await MixedStore();

        var post = await Render(temp, "Classic:Platforms=x,bluesky,hn");

        var story = Assert.Single(post.Split('\n'), l => l.StartsWith("<blockquote class=\"hackernews-story\"", StringComparison.Ordinal));
        Assert.Equal("<blockquote class=\"hackernews-story\"><p><a href=\"https://arxiv.org/abs/2401.04088\">Mixtral of Experts</a></p>&mdash; 400 points, 150 comments &middot; posted by pg on <a href=\"https://news.ycombinator.com/item?id=38911002\">Hacker News</a>, January 9, 2024</blockquote>", story);
        // HN points are likes on the platform's own terms: they add to F, never to R.
        Assert.Contains("- retweets: 150, favorites: 950 (", post);
        AssertTwitterUrlsAreOnlyXPosts(post);
    }

    [Fact]
    public async Task An_unknown_classic_platform_is_refused_naming_the_setting_and_the_known_ones()
    {
        using var temp = await MixedStore();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await HotPapersCli.RunAsync(["--db", temp.Path, "render", "--date", "2024-01-09", "--out", temp.Path + "-out", "--setting", "Classic:Platforms=x,mastodon"],
            output, error, _ => null);

        Assert.Equal(HotPapersCli.Failure, code);
        Assert.Contains("Classic:Platforms (HOTPAPERS_Classic__Platforms): 'mastodon' is not a platform; the platforms are x, bluesky, hackernews, huggingface", error.ToString());
    }

    private static void AssertTwitterUrlsAreOnlyXPosts(string post)
    {
        foreach (Match url in TwitterUrl().Matches(post))
            Assert.Matches(@"^https://twitter\.com/(ak92501/status/1744700000000000001|ak92501\?ref_src=twsrc%5Etfw)", url.Value);
    }

    [GeneratedRegex(@"https://(?:twitter|x)\.com/[^""<\s]*")]
    private static partial Regex TwitterUrl();
}
