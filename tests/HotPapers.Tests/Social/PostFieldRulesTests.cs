using CsCheck;
using HotPapers.Social;

namespace HotPapers.Tests.Social;

/// <summary>The field checks every stored post passes, against plain restatements of their rules.</summary>
public class PostFieldRulesTests
{
    private static readonly Gen<string> Tag = Gen.String[Gen.OneOf(Gen.Char["-_aZ09é"], Gen.Char.AlphaNumeric, Gen.Char['\0', '\u007f']), 0, 40];

    [Fact]
    public void A_language_tag_is_a_2_to_8_letter_subtag_then_subtags_of_1_to_8_letters_or_digits()
    {
        foreach (var lang in new[] { "en", "und", "zh-Hant-TW", "sr-Latn-RS", "x", "", "en-", "-en", "en--US", "e1", "toolongtag", "en-123456789", "qme", "en-US-x-private1" })
            Assert.Equal(ByTheRule(lang), PostFieldRules.IsLanguageTag(lang));
        Tag.Sample(lang => Assert.Equal(ByTheRule(lang), PostFieldRules.IsLanguageTag(lang)), iter: 20_000);
    }

    [Fact]
    public void An_X_handle_is_1_to_15_ASCII_letters_digits_or_underscores()
    {
        foreach (var handle in new[] { "ana_9", "", "a", "abcdefghijklmno", "abcdefghijklmnop", "a-b", "é", "A_Z_0" })
            Assert.Equal(IsXHandleByTheRule(handle), PostFieldRules.IsXHandle(handle));
        Tag.Sample(handle => Assert.Equal(IsXHandleByTheRule(handle), PostFieldRules.IsXHandle(handle)), iter: 20_000);
    }

    // URLs near the quick shape and across its edges: hosts with odd labels, ports, users, escapes, IP-like hosts.
    private static readonly Gen<string> UrlPiece = Gen.OneOf(Gen.Const("a"), Gen.Const("arxiv"), Gen.Const("org"), Gen.Const("t"), Gen.Const("co"), Gen.Const("0"),
        Gen.Const("999"), Gen.Const("-"), Gen.Const("."), Gen.Const(".."), Gen.Const("/"), Gen.Const("//"), Gen.Const(":"), Gen.Const(":80"), Gen.Const("@"),
        Gen.Const("?"), Gen.Const("#"), Gen.Const("%"), Gen.Const("%41"), Gen.Const("["), Gen.Const("]"), Gen.Const("_"), Gen.Const("~"), Gen.Const("é"),
        Gen.Const(" "), Gen.Const("\\"), Gen.Const("'"), Gen.Const("x".PadRight(64, 'x')), Gen.Const("&"), Gen.Const("="), Gen.Const("("),
        Gen.String[Gen.Char['\0', '\u007f'], 0, 3]);

    private static readonly Gen<string> Url =
        from scheme in Gen.OneOf(Gen.Const("https://"), Gen.Const("http://"), Gen.Const("HTTPS://"), Gen.Const("ftp://"), Gen.Const("https:"), Gen.Const(""))
        from pieces in UrlPiece.Array[0, 12]
        select scheme + string.Concat(pieces);

    // Host names of labels that are right, wrong and at the limits, then a tail with a stray character now and then.
    private static readonly Gen<string> Label = Gen.OneOf(Gen.Const("a"), Gen.Const("arxiv"), Gen.Const("org"), Gen.Const("co"), Gen.Const("0"), Gen.Const("9a"),
        Gen.Const("a-b"), Gen.Const("-a"), Gen.Const("a-"), Gen.Const(""), Gen.Const(new string('x', 63)), Gen.Const(new string('x', 64)), Gen.Const("xn--d1a"), Gen.Const("A1"));

    private static readonly Gen<string> NearUrl =
        from scheme in Gen.Frequency((8, Gen.Const("https://")), (3, Gen.Const("http://")), (1, Gen.Const("Https://")))
        from labels in Label.Array[1, 5]
        from tail in Gen.Frequency((2, Gen.Const("")),
            (6, Gen.String[Gen.Char["ABCXYZabcxyz0189-._~/?#=&+:@!$,;*()"], 0, 25].Select(t => "/" + t)),
            (2, Gen.String[Gen.Char["abc/?#=&:%[]'\" é`<>|^{}"], 0, 6].Select(t => "/" + t)),
            (1, Gen.OneOf(Gen.Const(":80"), Gen.Const(":"), Gen.Const("?q"), Gen.Const("#f"), Gen.Const("@u"))))
        select scheme + string.Join('.', labels) + tail;

    [Fact]
    public void A_web_url_is_judged_the_same_with_or_without_the_quick_check()
    {
        foreach (var url in new[] { "https://arxiv.org/abs/2106.00001", "https://t.co/abcdefghij", "http://a.b", "https://1.2.3.4/", "https://a..b/", "https://-a.com/",
            "https://a-.com", "https://a.com:80/", "https://u@a.com/", "https://a.com/%zz", "https://a.com/x#y#z", "https://a.com?x=1&y=(2)", "https://a.1b/", "https://a",
            "https://xn--bcher-kva.example/", "https://" + new string('a', 64) + ".com/" })
            Assert.Equal(ByUri(url), PostFieldRules.IsWebUrl(url));
        var quick = 0;
        Gen.Frequency((1, Url), (3, NearUrl)).Sample(url =>
        {
            if (PostFieldRules.IsPlainWebUrl(url))
            {
                Interlocked.Increment(ref quick);
                Assert.True(ByUri(url), $"'{url}' passed the quick check only");
            }
            Assert.Equal(ByUri(url), PostFieldRules.IsWebUrl(url));
        }, iter: 100_000);
        Assert.True(quick > 10_000, $"only {quick} generated URLs took the quick path");
    }

    /// <summary>The check as it was, by <see cref="Uri"/> alone.</summary>
    private static bool ByUri(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !url.AsSpan().ContainsAny("\"'<>\\ \t\r\n\0`");

    private static bool ByTheRule(string lang)
    {
        if (lang.Length is 0 or > 35) return false;
        var parts = lang.Split('-');
        if (parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetter)) return false;
        return parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    private static bool IsXHandleByTheRule(string handle) =>
        handle.Length is >= 1 and <= 15 && handle.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
