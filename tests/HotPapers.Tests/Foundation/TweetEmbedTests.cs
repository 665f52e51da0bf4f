using HotPapers.Domain;
using HotPapers.Social;

namespace HotPapers.Tests.Foundation;

/// <summary>The embed parser and the snapshot renderer on the tricky cases the seeds show.</summary>
public class TweetEmbedTests
{
    private const string Script = "\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";

    [Fact]
    public void Entities_are_at_code_point_offsets_after_emoji()
    {
        var line = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">🧵👇 <a href=\"https://twitter.com/EDX?ref_src=twsrc%5Etfw\">@edx</a> &amp; <a href=\"https://t.co/abc\">https://t.co/abc</a> <a href=\"https://t.co/pic\">pic.twitter.com/pic</a></p>&mdash; Shinnosuke Takamichi (高道 慎之介) (@forthshinji) <a href=\"https://twitter.com/forthshinji/status/1402427601033916416?ref_src=twsrc%5Etfw\">June 9, 2021</a></blockquote>";
        var post = TweetEmbedParser.Parse(line);
        Assert.Equal("🧵👇 @edx & https://t.co/abc https://t.co/pic", post.Text);
        Assert.Equal("Shinnosuke Takamichi (高道 慎之介)", post.AuthorName);
        Assert.Equal("forthshinji", post.AuthorHandle);
        var mention = post.Entities[0];
        Assert.Equal((EntityKind.Mention, 3, 7, "EDX"), (mention.Kind, mention.Start, mention.End, mention.Value));
        Assert.Equal((EntityKind.Url, 10, 26), (post.Entities[1].Kind, post.Entities[1].Start, post.Entities[1].End));
        Assert.Equal((EntityKind.Media, "pic.twitter.com/pic"), (post.Entities[2].Kind, post.Entities[2].Display));
        Assert.Equal(new DateTimeOffset(2021, 6, 9, 0, 49, 30, 588, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal(line + Script, TweetEmbedRenderer.Render(post));
    }

    [Fact]
    public void A_non_ascii_hashtag_is_percent_encoded_in_the_href_and_plain_in_the_text()
    {
        var post = new SocialPost(SocialPost.X, "1392133985199788033", "someone", "Some One", DateTimeOffset.Parse("2021-05-11T14:00:00Z"), "ja", "ltr",
            "#キャル quantph", [new PostEntity(EntityKind.Hashtag, 0, 4, "キャル")]);
        var html = TweetEmbedRenderer.Render(post);
        Assert.Contains("<a href=\"https://twitter.com/hashtag/%E3%82%AD%E3%83%A3%E3%83%AB?src=hash&amp;ref_src=twsrc%5Etfw\">#キャル</a> quantph", html);
        Assert.Equal(post.Text, TweetEmbedParser.Parse(html.Split('\n')[0]).Text);
    }

    [Fact]
    public void A_newline_right_before_a_link_is_dropped_as_oembed_drops_it()
    {
        var post = new SocialPost(SocialPost.X, "1402427601033916416", "a", "A", DateTimeOffset.Parse("2021-06-09T00:49:30Z"), "en", "ltr",
            "is online:\nhttps://t.co/x\nnext line", [new PostEntity(EntityKind.Url, 11, 25, "https://t.co/x")]);
        var html = TweetEmbedRenderer.Render(post);
        Assert.Contains(">is online:<a href=\"https://t.co/x\">https://t.co/x</a><br>next line</p>", html);
    }

    [Fact]
    public void Text_is_escaped_with_the_five_oembed_references()
    {
        var post = new SocialPost(SocialPost.X, "1402427601033916416", "a", "A & B", DateTimeOffset.Parse("2021-06-09T00:49:30Z"), "en", "ltr",
            "<b>\"it's\" & more</b>", []);
        var html = TweetEmbedRenderer.Render(post);
        Assert.Contains(">&lt;b&gt;&quot;it&#39;s&quot; &amp; more&lt;/b&gt;</p>&mdash; A &amp; B (@a)", html);
        var back = TweetEmbedParser.Parse(html.Split('\n')[0]);
        Assert.Equal(post.Text, back.Text);
        Assert.Equal(post.AuthorName, back.AuthorName);
    }

    [Theory]
    [InlineData("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">text</p></blockquote>", "embed has no trailer")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">a <b>bold</b></p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1?ref_src=twsrc%5Etfw\">June 9, 2021</a></blockquote>", "unexpected markup '<b>'")]
    [InlineData("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\"><a href=\"javascript:alert(1)\">x</a></p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1?ref_src=twsrc%5Etfw\">June 9, 2021</a></blockquote>", "unrecognised link")]
    [InlineData("<div>not an embed</div>", "does not start with")]
    public void Malformed_embeds_say_what_is_wrong(string line, string problem)
    {
        var error = Assert.Throws<EmbedFormatException>(() => TweetEmbedParser.Parse(line));
        Assert.Contains(problem, error.Message);
    }
}
