using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Testing;

namespace HotPapers.Tests.Social.X;

public class XTweetConverterTests
{
    public static IEnumerable<(string File, ImportedEmbed Embed)> SeedEmbeds() =>
        Seeds.Dates.Select(Seeds.PathOf).SelectMany(f => HotPapersPostParser.Parse(Path.GetFileName(f), File.ReadAllText(f)).Papers
            .SelectMany(p => p.Embeds).Select(e => (Path.GetFileName(f), e)));

    [Fact]
    public void Every_seed_embed_survives_the_trip_through_an_X_API_v2_tweet_object()
    {
        var embeds = SeedEmbeds().ToList();
        Assert.Equal(126, embeds.Count);
        foreach (var (file, embed) in embeds)
        {
            var json = XJson.Serialize(XTweetConverter.ToResponse(embed.Post));
            var back = Assert.Single(XTweetConverter.Read(XJson.Deserialize<XResponse>(json)));
            var html = TweetEmbedRenderer.Render(back.Post);
            Golden.AssertSameText(embed.Html, html, $"{file}, post {embed.Post.PostId}");
            Assert.Equal(embed.Post.Text, back.Post.Text);
            Assert.Equal(embed.Post.Entities, back.Post.Entities);
        }
    }

    [Fact]
    public void The_v2_json_escapes_the_text_and_counts_code_points()
    {
        var embed = SeedEmbeds().Select(e => e.Embed).First(e => e.Post.Text.Contains('&'));
        var tweet = XTweetConverter.ToResponse(embed.Post).Data![0];
        Assert.Contains("&amp;", tweet.Text);
        Assert.DoesNotContain("&quot;", tweet.Text);
        foreach (var url in tweet.Entities!.Urls!)
        {
            var cps = embed.Post.Text.EnumerateRunes().Skip(url.Start).Take(url.End - url.Start);
            Assert.Equal(url.Url, string.Concat(cps.Select(r => r.ToString())));
        }
    }

    [Fact]
    public void Reads_the_real_2023_reply_whose_offsets_follow_astral_emoji()
    {
        var tweet = XJson.Deserialize<XTweet>(TestData.Read("social", "x-v2-reply-2023.json"));
        var read = XTweetConverter.Read(tweet, null);
        var url = Assert.Single(read.Post.Entities);
        Assert.Equal(EntityKind.Url, url.Kind);
        Assert.Equal(217, url.Start);
        var utf16 = read.Post.Text.IndexOf("https://t.co/C73mC2F5nY", StringComparison.Ordinal);
        Assert.Equal(220, utf16); // three astral emoji before it
        Assert.Equal("https://uiadrian.gumroad.com/l/web-design-guide/?offer_code=twk0uc9f7", url.Expanded);
        Assert.Equal((2, 13), (read.Reposts, read.Likes));
        Assert.Empty(read.Papers);
    }

    [Fact]
    public void Reads_the_assembled_arxiv_search_page_with_author_metrics_and_paper()
    {
        var page = XJson.Deserialize<XResponse>(TestData.Read("social", "x-v2-search-arxiv.json"));
        var read = Assert.Single(XTweetConverter.Read(page));
        Assert.Equal("andrewgwils", read.Post.AuthorHandle);
        Assert.Equal("Andrew Gordon Wilson", read.Post.AuthorName);
        Assert.Equal(["2010.13581"], read.Papers.Select(p => p.Value));
        Assert.Equal((235, 1482), (read.Reposts, read.Likes));
        Assert.Contains(read.Post.Entities, e => e.Kind == EntityKind.Media && e.Display == "pic.twitter.com/5VG6XX9wUo");
        Assert.Contains(read.Post.Entities, e => e.Kind == EntityKind.Hashtag && e.Value == "NeurIPS2020");
        Assert.Equal(new DateTimeOffset(2020, 10, 27, 1, 29, 37, TimeSpan.Zero), read.Post.CreatedAt);
    }

    [Fact]
    public void A_retweet_names_its_original_and_cashtags_survive()
    {
        var page = XJson.Deserialize<XResponse>(TestData.Read("social", "x-v2-search-all-retweet-2021.json"));
        var read = Assert.Single(XTweetConverter.Read(page));
        Assert.Equal("1391677057810288641", read.Post.RepostOf);
        Assert.Equal("LachiVeronica", read.Post.AuthorHandle);

        var cash = XJson.Deserialize<XTweet>(TestData.Read("social", "x-v2-cashtags-2023.json"));
        cash.Id = "1611077073803841538"; // the excerpt has no id; this one is from its own photo URL
        var post = XTweetConverter.Read(cash, null).Post;
        Assert.Contains(post.Entities, e => e.Kind == EntityKind.Cashtag && e.Value == "AMD");
        Assert.Contains(post.Entities, e => e.Kind == EntityKind.Media);
        Assert.Contains("$AMD", TweetEmbedRenderer.Render(post));
    }

    [Fact]
    public void Decodes_exactly_the_three_escapes_X_uses()
    {
        var tweet = new XTweet { Id = "1320900424820510720", Text = "a &amp;quot; b &lt;3 &gt; c &amp;amp; d" };
        var post = XTweetConverter.Read(tweet, null).Post;
        Assert.Equal("a &quot; b <3 > c &amp; d", post.Text);
        Assert.Equal(tweet.Text, XTweetConverter.ToTweet(post, "1").Text);
    }

    [Fact]
    public void Offsets_that_count_the_escaped_text_are_recognised()
    {
        // Counted on the escaped text the URL starts at 10; on the decoded text ("x & y …") at 6.
        var tweet = new XTweet
        {
            Id = "1320900424820510720", Text = "x &amp; y https://t.co/abcdefghij",
            Entities = new XEntities { Urls = [new XUrlEntity { Start = 10, End = 33, Url = "https://t.co/abcdefghij" }] },
        };
        var entity = Assert.Single(XTweetConverter.Read(tweet, null).Post.Entities);
        Assert.Equal((6, 29), (entity.Start, entity.End));
    }
}
