using System.Globalization;
using System.Net.Http.Headers;

namespace HotPapers.Http;

/// <summary>The wait before a retry: exponential back-off with jitter, lengthened (never shortened) by a server's <c>Retry-After</c>.</summary>
internal static class Backoff
{
    /// <param name="retry">0 for the wait before the first retry.</param>
    /// <param name="random">A number in [0, 1): where in the jitter band this wait falls.</param>
    public static TimeSpan Wait(SourceHttpOptions options, int retry, TimeSpan? retryAfter, double random)
    {
        var doubled = options.InitialBackoff.Ticks * Math.Pow(2, Math.Min(retry, 30));
        var spread = doubled * (1 + options.Jitter * (2 * random - 1));
        var wait = spread >= options.MaxBackoff.Ticks ? options.MaxBackoff : TimeSpan.FromTicks((long)spread);
        return retryAfter is { } after && after > wait ? after : wait;
    }

    /// <summary>
    /// <c>Retry-After</c> as seconds or as an HTTP date (measured on <paramref name="time"/>), capped at
    /// <see cref="SourceHttpOptions.MaxRetryAfter"/>; null when the answer has none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, SourceHttpOptions options)
    {
        if (response.Headers.RetryAfter is not RetryConditionHeaderValue header) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - options.Time.GetUtcNow() : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture);
}
