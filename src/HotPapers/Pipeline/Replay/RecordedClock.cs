using System.Globalization;

namespace HotPapers.Pipeline.Replay;

/// <summary>
/// A clock that replays recorded readings, one per call, then keeps returning the last. Times in the file are
/// local wall-clock times in the run's zone (<c>2021-06-11T09:50:31</c>), one per line.
/// </summary>
public sealed class RecordedClock(IReadOnlyList<DateTimeOffset> readings) : TimeProvider
{
    private int _next;

    public static RecordedClock FromFile(string path, TimeZoneInfo zone)
    {
        var readings = new List<DateTimeOffset>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            if (!DateTime.TryParseExact(line, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                throw new InvalidDataException($"{path}:{lineNumber}: '{line}' is not a time YYYY-MM-DDTHH:MM:SS");
            readings.Add(new DateTimeOffset(local, zone.GetUtcOffset(local)));
        }
        if (readings.Count == 0) throw new InvalidDataException($"{path}: no readings");
        return new RecordedClock(readings);
    }

    public override DateTimeOffset GetUtcNow()
    {
        var i = Math.Min(Interlocked.Increment(ref _next) - 1, readings.Count - 1);
        return readings[i].ToUniversalTime();
    }
}
