namespace HotPapers.Domain;

/// <summary>
/// Times in the fixed ISO 8601 forms the store and the X API write (<c>yyyy-MM-ddTHH:mm:ss</c>, then <c>.fffZ</c> or
/// <c>Z</c> for UTC), read digit by digit: an import and a site build read several per post, and the invariant
/// culture's parser cost microseconds each. Each answers only for a text it reads to a real date and time, which the
/// exact parse would read to the same value; the callers hand anything else to that parse.
/// </summary>
internal static class IsoTimeDigits
{
    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, or <c>yyyy-MM-ddTHH:mm:ssZ</c> when <paramref name="millisecondsOptional"/>, as a UTC instant.</summary>
    public static bool TryReadUtc(string s, bool millisecondsOptional, out DateTimeOffset at)
    {
        at = default;
        var millisecond = 0;
        var shape = s.Length == 24
            ? s[19] == '.' && s[23] == 'Z' && Number(s, 20, 3, out millisecond)
            : millisecondsOptional && s.Length == 20 && s[19] == 'Z';
        if (!shape || !TryReadWallClock(s, millisecond, out var t)) return false;
        at = new DateTimeOffset(t, TimeSpan.Zero);
        return true;
    }

    /// <summary>Exactly <c>yyyy-MM-ddTHH:mm:ss</c>, as a wall-clock time (no zone).</summary>
    public static bool TryReadLocal(string s, out DateTime t)
    {
        t = default;
        return s.Length == 19 && TryReadWallClock(s, 0, out t);
    }

    /// <summary>The <c>yyyy-MM-ddTHH:mm:ss</c> at the start of <paramref name="s"/>, plus <paramref name="millisecond"/>, when all are in range.</summary>
    private static bool TryReadWallClock(string s, int millisecond, out DateTime t)
    {
        t = default;
        if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        if (!Number(s, 0, 4, out var year) || !Number(s, 5, 2, out var month) || !Number(s, 8, 2, out var day)
            || !Number(s, 11, 2, out var hour) || !Number(s, 14, 2, out var minute) || !Number(s, 17, 2, out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        t = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>The decimal number of <paramref name="length"/> ASCII digits at <paramref name="start"/>.</summary>
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
