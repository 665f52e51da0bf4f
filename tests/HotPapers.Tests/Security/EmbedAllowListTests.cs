using HotPapers.Social.X;
using HotPapers.Tests.Social.X;

namespace HotPapers.Tests.Security;

/// <summary>
/// The oEmbed allow-list against HTML that would break out of its Markdown HTML block (issue 13, item 1), and
/// against real embeds it used to refuse (item 4).
/// </summary>
public class EmbedAllowListTests
{
    private const string Script = "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";
    private const string Quote = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1?ref_src=twsrc%5Etfw\">June 1, 2021</a></blockquote>";

    public static TheoryData<string> BreaksOutOfTheHtmlBlock => new()
    {
        // A blank line ends the HTML block: what follows is Markdown, a heading and a javascript: link.
        Quote + "\n\n# 99. Injected paper\n\n[x](javascript:alert(1))\n" + Script,
        Quote + "\n\n" + Script,
        Quote + "\n \t\n" + Script,
        "\n" + Quote + "\n" + Script,
        Quote + "\n" + Script + "\n",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">one\n\n# 99. Injected paper\n\ntwo</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">x</a></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">one\ntwo</p></blockquote>",
        Quote + "\r\n\r\n" + Script,
        Quote + "\r\r" + Script,
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">a\u0000b</p></blockquote>",
        Quote + " \n" + Script,
        Quote + "\n" + Script + "\n\n# 99. Injected paper",
        // Found by the fuzz test: a script line before the blockquote, or two of them.
        Script + Quote + "\n" + Script,
        Quote + "\n" + Script + Script,
    };

    [Theory]
    [MemberData(nameof(BreaksOutOfTheHtmlBlock))]
    public void Html_that_would_leave_its_Markdown_block_is_refused(string html) =>
        Assert.False(OEmbedHtmlPolicy.IsAllowed(html, out _), html);

    [Fact]
    public void The_oembed_shapes_still_pass() =>
        Assert.True(OEmbedHtmlPolicy.IsAllowed(Quote + "\n" + Script, out var reason), reason);

    [Fact]
    public void A_real_embed_whose_hashtag_is_JavaScript_passes()
    {
        // A real seed embed with its hashtag renamed: the allow-list refused any href containing "javascript".
        var (_, embed) = XTweetConverterTests.SeedEmbeds().First(e => e.Embed.Html.Contains("hashtag/NeurIPS2020?src=hash", StringComparison.Ordinal));
        var html = embed.Html.Replace("hashtag/NeurIPS2020?", "hashtag/JavaScript?", StringComparison.Ordinal).Replace(">#NeurIPS2020<", ">#JavaScript<", StringComparison.Ordinal);
        Assert.Contains("https://twitter.com/hashtag/JavaScript?src=hash&amp;ref_src=twsrc%5Etfw", html);
        Assert.True(OEmbedHtmlPolicy.IsAllowed(html, out var reason), reason);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("https://t.co/x\" onmouseover=\"alert(1)")]
    [InlineData("https://evil.example/hashtag/JavaScript")]
    [InlineData("https://twitter.com.evil.example/")]
    [InlineData("//twitter.com/x")]
    public void A_link_that_is_not_https_to_twitter_is_still_refused(string href) =>
        Assert.False(OEmbedHtmlPolicy.IsAllowed($"<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\"><a href=\"{href}\">x</a></p></blockquote>", out _));
}
