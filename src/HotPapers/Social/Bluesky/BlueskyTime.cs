using System.Globalization;
using System.Text.RegularExpressions;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Bluesky's datetimes: ISO 8601 with anything from no fraction to nine fractional digits (<c>.225097252Z</c>),
/// which .NET's parser rejects past seven; and TID record keys, which encode their creation time.
/// </summary>
public static partial class BlueskyTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is null) return false;
        var match = Iso().Match(text);
        if (!match.Success) return false;
        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value : "";
        if (fraction.Length > 7) fraction = fraction[..7];
        var normalized = match.Groups["s"].Value + (fraction.Length > 0 ? "." + fraction : "") + match.Groups["z"].Value;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>Jetstream's <c>time_us</c> (unix microseconds) as an instant.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long timeUs) =>
        DateTimeOffset.UnixEpoch.AddTicks(timeUs * (TimeSpan.TicksPerMillisecond / 1000));

    private const string SortableBase32 = "234567abcdefghijklmnopqrstuvwxyz";

    /// <summary>The creation time a TID record key encodes (53 bits of microseconds, then 10 bits of clock id).</summary>
    public static bool TryFromTid(string? rkey, out DateTimeOffset time)
    {
        time = default;
        if (rkey is null || !TryReadTid(rkey, out var value)) return false;
        var micros = (long)(value >> 10);
        if (micros > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000) return false;
        time = FromUnixMicroseconds(micros);
        return true;
    }

    /// <summary>The 63-bit value of a TID record key in its canonical spelling (13 digits of sortable base 32).</summary>
    internal static bool TryReadTid(ReadOnlySpan<char> rkey, out ulong value)
    {
        value = 0;
        // 13 digits of 5 bits carry 65 bits: the first digit holds only the top 3 that a TID uses (its very top bits are 0).
        if (rkey.Length != 13 || SortableBase32.IndexOf(rkey[0]) is < 0 or >= 8) return false;
        foreach (var c in rkey)
        {
            var digit = SortableBase32.IndexOf(c);
            if (digit < 0) return false;
            value = (value << 5) | (uint)digit;
        }
        return true;
    }

    /// <summary>The TID record key of a value <see cref="TryReadTid"/> read: the same 13 characters.</summary>
    internal static string TidText(ulong value) => string.Create(13, value, static (digits, rest) =>
    {
        for (var i = 12; i >= 0; i--, rest >>= 5) digits[i] = SortableBase32[(int)(rest & 31)];
    });

    [GeneratedRegex(@"^(?<s>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?<f>\d+))?(?<z>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();
}
