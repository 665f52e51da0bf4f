using System.Text;
using HotPapers.Domain;
using HotPapers.Publishing.Site;
using Xunit;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>The site's static snapshot of a post takes its platform's words and links from the platform's presenter.</summary>
public sealed class PlatformSnapshotTests
{
    private static readonly DateTimeOffset When = new(2024, 1, 9, 10, 31, 7, TimeSpan.Zero);

    private static string Snapshot(SocialPost post, EngagementSnapshot counts)
    {
        var sb = new StringBuilder();
        PostSnapshotHtml.Append(sb, post, counts, widgets: true);
        return sb.ToString();
    }

    [Fact]
    public void A_bluesky_post_links_its_mentions_and_tags_on_bluesky_and_is_never_dressed_as_a_tweet()
    {
        const string id = "at://did:plc:alice/app.bsky.feed.post/3kabc";
        var post = new SocialPost("bluesky", id, "alice.bsky.social", "Alice", When, "en", "ltr", "hi @bob #LLM",
            [new PostEntity(EntityKind.Mention, 3, 7, "did:plc:bob"), new PostEntity(EntityKind.Hashtag, 8, 12, "LLM")]);

        var html = Snapshot(post, new EngagementSnapshot("bluesky", id, 3, 5, When));

        Assert.Contains("href=\"https://bsky.app/profile/did%3Aplc%3Abob\"", html);
        Assert.Contains("href=\"https://bsky.app/hashtag/LLM\"", html);
        Assert.Contains("cite=\"https://bsky.app/profile/did%3Aplc%3Aalice/post/3kabc\"", html);
        Assert.Contains("3 reposts, 5 likes", html);
        Assert.Contains(" on Bluesky", html);
        Assert.DoesNotContain("twitter", html);
    }

    [Fact]
    public void An_X_post_keeps_its_widget_class_and_twitter_links()
    {
        var post = new SocialPost(SocialPost.X, "1402907931406909440", "XiaohuaZhai", "Xiaohua Zhai", When, "en", "ltr", "hi @giffmana #ViT",
            [new PostEntity(EntityKind.Mention, 3, 12, "giffmana"), new PostEntity(EntityKind.Hashtag, 13, 17, "ViT")]);

        var html = Snapshot(post, new EngagementSnapshot(SocialPost.X, post.PostId, 60, 480, When));

        Assert.Contains("<blockquote class=\"twitter-tweet\"", html);
        Assert.Contains("href=\"https://twitter.com/giffmana\"", html);
        Assert.Contains("href=\"https://twitter.com/hashtag/ViT\"", html);
        Assert.Contains("60 retweets, 480 likes", html);
    }

    [Fact]
    public void A_hacker_news_story_shows_points_and_links_its_discussion()
    {
        const string url = "https://arxiv.org/abs/2401.04088";
        var post = new SocialPost("hackernews", "38911002", "pg", "pg", When, "", "auto", "Mixtral of Experts\n" + url,
            [new PostEntity(EntityKind.Url, 19, 19 + url.Length, url)]);

        var html = Snapshot(post, new EngagementSnapshot("hackernews", post.PostId, 0, 400, When));

        Assert.Contains("400 points", html);
        Assert.DoesNotContain("reposts", html);
        Assert.Contains("cite=\"https://news.ycombinator.com/item?id=38911002\"", html);
        Assert.Contains(" on Hacker News", html);
        Assert.DoesNotContain("twitter", html);
    }
}
