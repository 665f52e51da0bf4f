using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Where a build's time goes, per stage: the time summed over the threads that did the stage's work (so the
/// stages of a parallel build add up to more than its wall time). <c>site build --verbose</c> prints it.
/// </summary>
public sealed class SiteBuildProfile
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    // What the collector did since the profile was made: allocation drives its work, and on two cores its pauses
    // and background marking take time from the build's own threads.
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan _paused = GC.GetTotalPauseDuration();

    public T Measure<T>(string stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - start);
        }
    }

    public void Measure(string stage, Action work) => Measure(stage, () =>
    {
        work();
        return 0;
    });

    private void Add(string stage, long ticks)
    {
        if (_ticks.TryAdd(stage, 0)) _order.Enqueue(stage);
        _ticks.AddOrUpdate(stage, ticks, (_, t) => t + ticks);
        _counts.AddOrUpdate(stage, 1, (_, c) => c + 1);
    }

    /// <summary>
    /// One line per stage, in the order the stages first ran: its summed time and how many times it ran; then a line
    /// of the collector's pauses, allocation and collections since the profile was made.
    /// </summary>
    public IEnumerable<string> Lines() => _order.Select(stage => string.Create(CultureInfo.InvariantCulture,
        $"{stage,-22} {Stopwatch.GetElapsedTime(0, _ticks[stage]).TotalSeconds,7:0.000} s  x{_counts[stage]}"))
        .Append(string.Create(CultureInfo.InvariantCulture,
            $"{"gc",-22} {(GC.GetTotalPauseDuration() - _paused).TotalSeconds,7:0.000} s  paused; {(GC.GetTotalAllocatedBytes() - _allocated) / (1024 * 1024)} MiB allocated, collections gen0 {GC.CollectionCount(0) - _collections[0]}, gen1 {GC.CollectionCount(1) - _collections[1]}, gen2 {GC.CollectionCount(2) - _collections[2]}"));
}
