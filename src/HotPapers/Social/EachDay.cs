using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>
/// For sources that read a calendar day at a time (Bluesky's backfill, Hacker News, Hugging Face): each day of the
/// window in turn, one summary line each, joined.
/// </summary>
public static class EachDay
{
    public static async Task<string> CollectAsync(DigestWindow window, Func<DateOnly, Task<string>> collectDay)
    {
        var summaries = new List<string>();
        for (var day = window.Start; day <= window.End; day = day.AddDays(1))
            summaries.Add($"{day:yyyy-MM-dd}: {await collectDay(day).ConfigureAwait(false)}");
        return string.Join("; ", summaries);
    }
}
