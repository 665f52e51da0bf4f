namespace HotPapers.Http;

/// <summary>
/// A wait that never ends early. Task.Delay counts whole milliseconds of a coarser clock and may wake a fraction of
/// a millisecond early; a promise to a server ("never closer than 3 s", "Retry-After: 2") is kept by checking the
/// precise clock and topping up.
/// </summary>
internal static class PreciseDelay
{
    public static async Task WaitAtLeastAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellation)
    {
        var started = time.GetTimestamp();
        for (var remaining = wait; remaining > TimeSpan.Zero; remaining = wait - time.GetElapsedTime(started))
        {
            var rounded = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds) + 1);
            await Task.Delay(rounded, time, cancellation).ConfigureAwait(false);
        }
    }
}
