using System.Globalization;

namespace HotPapers.Social.X;

/// <summary>
/// Times in X API v2 records: ISO 8601, UTC when no offset is given. Nearly all are in the API's own form
/// (<c>2021-06-10T12:00:00.000Z</c>, or without milliseconds), which is read digit by digit; anything else goes to
/// the exact then the general parse, as before. The quick reading only answers for a text it reads to a valid time,
/// which the exact parse reads to the same instant.
/// </summary>
internal static class XTime
{
    private static readonly string[] ApiFormats = ["yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:ssZ"];

    public static bool TryParse(string text, out DateTimeOffset at) =>
        TryParseApiForm(text, out at)
        || DateTimeOffset.TryParseExact(text, ApiFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static bool TryParseApiForm(string s, out DateTimeOffset at)
    {
        at = default;
        if (s.Length is not (24 or 20) || s[^1] != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        var ms = 0;
        if (s.Length == 24 && (s[19] != '.' || !Number(s, 20, 3, out ms))) return false;
        if (!Number(s, 0, 4, out var year) || !Number(s, 5, 2, out var month) || !Number(s, 8, 2, out var day)
            || !Number(s, 11, 2, out var hour) || !Number(s, 14, 2, out var minute) || !Number(s, 17, 2, out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        at = new DateTimeOffset(year, month, day, hour, minute, second, ms, TimeSpan.Zero);
        return true;
    }

    private static bool Number(string s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
