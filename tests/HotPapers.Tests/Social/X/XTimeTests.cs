using System.Globalization;
using CsCheck;
using HotPapers.Social.X;

namespace HotPapers.Tests.Social.X;

/// <summary>The quick reading of the API's time form against the exact and general parses it stands in front of.</summary>
public class XTimeTests
{
    private static readonly Gen<string> ApiForm =
        from digits in Gen.Char["0123456789"].Array[17]
        from millis in Gen.Bool
        from breaks in Gen.Int[0, 30]
        select Shape(digits, millis, breaks);

    [Fact]
    public void A_time_in_the_API_form_reads_as_the_exact_or_general_parse_reads_it()
    {
        foreach (var text in new[] { "2021-06-10T12:00:00.000Z", "2021-06-10T12:00:00Z", "2020-02-29T23:59:59.999Z", "2021-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "2021-13-01T00:00:00Z", "2021-06-10T24:00:00Z", "2021-06-10T12:60:00Z", "2021-06-10T12:00:60Z", "2021-06-10 12:00:00Z",
            "2021-06-10T12:00:00+02:00", "2021-06-10T12:00:00.5Z", "yesterday", "", "2021-06-10T12:00:00.000z", "2021-06-10T12:00:00,000Z" })
            AssertSame(text);
        ApiForm.Sample(AssertSame, iter: 50_000);
        Gen.DateTimeOffset.Sample(t => AssertSame(t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)), iter: 10_000);
    }

    private static void AssertSame(string text)
    {
        var expected = Reference(text, out var at) ? at : (DateTimeOffset?)null;
        var actual = XTime.TryParse(text, out var quick) ? quick : (DateTimeOffset?)null;
        Assert.True(expected == actual && expected?.Offset == actual?.Offset, $"'{text}': expected {expected:O}, read {actual:O}");
        // The converter read times with the general parse alone before: where XTime answers, it answers the same.
        if (actual is { } read)
        {
            Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var general), $"'{text}': the general parse refuses it");
            Assert.Equal(general, read);
        }
    }

    private static bool Reference(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:ssZ"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>yyyy-MM-ddTHH:mm:ss[.fff]Z from random digits; now and then a character is put out of place.</summary>
    private static string Shape(char[] d, bool millis, int breaks)
    {
        var text = $"{d[0]}{d[1]}{d[2]}{d[3]}-{d[4]}{d[5]}-{d[6]}{d[7]}T{d[8]}{d[9]}:{d[10]}{d[11]}:{d[12]}{d[13]}" + (millis ? $".{d[14]}{d[15]}{d[16]}" : "") + "Z";
        return breaks < text.Length && breaks % 3 == 0 ? text[..breaks] + "x" + text[(breaks + 1)..] : text;
    }
}
