using System.Globalization;
using HotPapers.Domain;

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
        IsoTimeDigits.TryReadUtc(text, millisecondsOptional: true, out at)
        || DateTimeOffset.TryParseExact(text, ApiFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
