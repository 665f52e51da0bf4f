using HotPapers.Domain;
using HotPapers.Social.Bluesky;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>The renderer against the three REAL snippets of spec §5.5, byte for byte.</summary>
public sealed class BlueskyEmbedRendererTests
{
    private static SocialPost Post(string uri, string handle, string name, string lang, string text) =>
        new("bluesky", uri, handle, name, DateTimeOffset.UnixEpoch, lang, "auto", text, []);

    private static void AssertSameHtml(string expected, string actual)
    {
        if (expected == actual) return;
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        Assert.Fail($"first difference at char {i}:\nexpected …{expected[Math.Max(0, i - 40)..Math.Min(expected.Length, i + 40)]}\nactual   …{actual[Math.Max(0, i - 40)..Math.Min(actual.Length, i + 40)]}");
    }

    [Fact]
    public void A_2025_snippet_with_newlines_apostrophes_and_an_embed()
    {
        // The snippet as the app prints it, but for its empty lines: "\n\n" becomes "&#10;\n", as an empty line would end
        // the HTML block of the Markdown post the snippet is printed into (docs/security.md).
        const string expected = "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:ps3ygxhsn4khcrxeutdosdqk/app.bsky.feed.post/3lfb5zdb3p22z\" data-bluesky-cid=\"bafyreiadxun7yqw4efafqzwzv3h4t4mbrex7onlnxobfejhbt6t44fojni\" data-bluesky-embed-color-mode=\"system\"><p lang=\"en\">It&#x27;s @erikaxel.bsky.social&#x27;s team! They shaved 5.5 minutes off their test suite.&#10;\nAnd that&#x27;s just the first batch integrating Oaken!<br><br><a href=\"https://bsky.app/profile/did:plc:ps3ygxhsn4khcrxeutdosdqk/post/3lfb5zdb3p22z?ref_src=embed\">[image or embed]</a></p>&mdash; Kasper Timm Hansen (<a href=\"https://bsky.app/profile/did:plc:ps3ygxhsn4khcrxeutdosdqk?ref_src=embed\">@kaspth.bsky.social</a>) <a href=\"https://bsky.app/profile/did:plc:ps3ygxhsn4khcrxeutdosdqk/post/3lfb5zdb3p22z?ref_src=embed\">January 8, 2025 at 11:00 PM</a></blockquote>";
        var post = Post("at://did:plc:ps3ygxhsn4khcrxeutdosdqk/app.bsky.feed.post/3lfb5zdb3p22z", "kaspth.bsky.social", "Kasper Timm Hansen", "en",
            "It's @erikaxel.bsky.social's team! They shaved 5.5 minutes off their test suite.\n\nAnd that's just the first batch integrating Oaken!");
        // Generated in a browser whose clock was UTC+1 (the date alone cannot say; this is one zone that fits).
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var date = BlueskyEmbedRenderer.FormatDate(new DateTimeOffset(2025, 1, 8, 22, 0, 30, TimeSpan.Zero), zone);

        var html = BlueskyEmbedRenderer.Render(post, new BlueskyEmbedFields("bafyreiadxun7yqw4efafqzwzv3h4t4mbrex7onlnxobfejhbt6t44fojni", true, date) { IncludeScript = false });

        AssertSameHtml(expected, html);
    }

    [Fact]
    public void A_2025_snippet_with_an_escaped_display_name_and_the_script()
    {
        const string expected = "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:rwi65xn77uzhgyewkfbuuziz/app.bsky.feed.post/3llnz5asyms2c\" data-bluesky-cid=\"bafyreiglr2t5dl777thtxucftt5qlwbq6j57jftmwclktvjxjtnmanbd6e\" data-bluesky-embed-color-mode=\"system\"><p lang=\"en\">trying to make a hyperv VM with nixos so i can rice my laptop without turning it on</p>&mdash; Kathryn&lt;&#x27;u1f338&gt; (<a href=\"https://bsky.app/profile/did:plc:rwi65xn77uzhgyewkfbuuziz?ref_src=embed\">@sakurakat.systems</a>) <a href=\"https://bsky.app/profile/did:plc:rwi65xn77uzhgyewkfbuuziz/post/3llnz5asyms2c?ref_src=embed\">March 31, 2025 at 2:39 PM</a></blockquote><script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";
        var post = Post("at://did:plc:rwi65xn77uzhgyewkfbuuziz/app.bsky.feed.post/3llnz5asyms2c", "sakurakat.systems", "Kathryn<'u1f338>", "en",
            "trying to make a hyperv VM with nixos so i can rice my laptop without turning it on");
        var date = BlueskyEmbedRenderer.FormatDate(new DateTimeOffset(2025, 3, 31, 14, 39, 5, TimeSpan.Zero), TimeZoneInfo.Utc);

        var html = BlueskyEmbedRenderer.Render(post, new BlueskyEmbedFields("bafyreiglr2t5dl777thtxucftt5qlwbq6j57jftmwclktvjxjtnmanbd6e", false, date));

        AssertSameHtml(expected, html);
    }

    [Fact]
    public void A_2026_japanese_snippet_keeps_cjk_raw_and_takes_the_date_as_printed()
    {
        // The snippet as the app prints it, but for its empty lines: "\n\n" becomes "&#10;\n", as an empty line would end
        // the HTML block of the Markdown post the snippet is printed into (docs/security.md).
        const string expected = "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:7qu7hsthk2mtm5ilru4umrsf/app.bsky.feed.post/3mjwiio2yns2s\" data-bluesky-cid=\"bafyreidnvrfgytgt52wqbxldkh5uhribi7acfbc2tkqxmwghhndnrxb5uu\" data-bluesky-embed-color-mode=\"system\"><p lang=\"en\">対応サイトではこのように動作します。\n※初めてログインするアプリでは、権限の確認が入ります&#10;\nネイティブに対応しているアプリは現在下記の3つとなります&#10;\nchavatar.app\nskyblur.uk\nrito.blue<br><br><a href=\"https://bsky.app/profile/did:plc:7qu7hsthk2mtm5ilru4umrsf/post/3mjwiio2yns2s?ref_src=embed\">[image or embed]</a></p>&mdash; @passport (<a href=\"https://bsky.app/profile/did:plc:7qu7hsthk2mtm5ilru4umrsf?ref_src=embed\">@atpassport.net</a>) <a href=\"https://bsky.app/profile/did:plc:7qu7hsthk2mtm5ilru4umrsf/post/3mjwiio2yns2s?ref_src=embed\">2026年4月20日 21:41</a></blockquote><script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";
        var post = Post("at://did:plc:7qu7hsthk2mtm5ilru4umrsf/app.bsky.feed.post/3mjwiio2yns2s", "atpassport.net", "@passport", "en",
            "対応サイトではこのように動作します。\n※初めてログインするアプリでは、権限の確認が入ります\n\nネイティブに対応しているアプリは現在下記の3つとなります\n\nchavatar.app\nskyblur.uk\nrito.blue");

        var html = BlueskyEmbedRenderer.Render(post, new BlueskyEmbedFields("bafyreidnvrfgytgt52wqbxldkh5uhribi7acfbc2tkqxmwghhndnrxb5uu", true, "2026年4月20日 21:41"));

        AssertSameHtml(expected, html);
    }

    [Fact]
    public void Without_a_display_name_the_handle_stands_in_and_older_snippets_lack_the_colour_mode()
    {
        var post = Post("at://did:plc:abc/app.bsky.feed.post/3lxyzabc2k22y", "a.bsky.social", "", "", "x & y");

        var html = BlueskyEmbedRenderer.Render(post, new BlueskyEmbedFields(null, false, "Apr 21, 2024 at 15:09") { ColorMode = null, IncludeScript = false });

        Assert.Equal("<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:abc/app.bsky.feed.post/3lxyzabc2k22y\"><p lang=\"\">x &amp; y</p>&mdash; a.bsky.social (<a href=\"https://bsky.app/profile/did:plc:abc?ref_src=embed\">@a.bsky.social</a>) <a href=\"https://bsky.app/profile/did:plc:abc/post/3lxyzabc2k22y?ref_src=embed\">Apr 21, 2024 at 15:09</a></blockquote>", html);
    }

    [Theory]
    [InlineData("a\"b&c'd<e>f 🎉 日本", "a&quot;b&amp;c&#x27;d&lt;e&gt;f 🎉 日本")]
    [InlineData("plain", "plain")]
    [InlineData("&amp;", "&amp;amp;")]
    public void Exactly_five_characters_are_escaped(string text, string escaped) =>
        Assert.Equal(escaped, BlueskyEmbedRenderer.Escape(text));
}
