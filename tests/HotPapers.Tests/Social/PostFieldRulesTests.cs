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
