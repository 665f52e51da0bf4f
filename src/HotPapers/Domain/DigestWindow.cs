using System.Globalization;

namespace HotPapers.Domain;

/// <summary>
/// The listing dates one post covers: a single day, or a range. Its <see cref="DateStr"/> is the post's
/// <c>date_str</c> (<c>START - END</c> for a range) and <see cref="FileStem"/> the form used in file names.
/// </summary>
public readonly record struct DigestWindow(DateOnly Start, DateOnly End)
{
    public static DigestWindow Day(DateOnly day) => new(day, day);

    public bool IsSingleDay => Start == End;

    public string DateStr => IsSingleDay ? Format(Start) : $"{Format(Start)} - {Format(End)}";

    public string FileStem => IsSingleDay ? Format(Start) : $"{Format(Start)}-{Format(End)}";

    public string FileName => $"{FileStem}---Hot-Papers.md";

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => DateStr;

    public static bool TryParseDateStr(string text, out DigestWindow window)
    {
        window = default;
        var parts = text.Split(" - ");
        if (parts.Length is < 1 or > 2) return false;
        if (!TryParseDate(parts[0], out var start)) return false;
        var end = start;
        if (parts.Length == 2 && !TryParseDate(parts[1], out end)) return false;
        if (end < start) return false;
        window = new DigestWindow(start, end);
        return true;
    }

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
