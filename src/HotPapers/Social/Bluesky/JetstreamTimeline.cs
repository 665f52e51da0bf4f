using System.Diagnostics;
using System.Globalization;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Where each side of a listener's run spent its time, for the bench (issue 14): the committing side is what the
/// listener waits for when the receiving side is blocked on a full queue, and the reverse. Wall times are measured
/// around the waits and the batches; the committing side's CPU time is read from the thread that applied each batch
/// (Linux only; zero elsewhere), which other work on a shared machine disturbs less than wall time, and so is the time
/// that thread spent runnable but waiting for a core: what is left of the wall time is the disk and the locks.
/// </summary>
internal sealed class JetstreamTimeline
{
    private long _applying;
    private long _applyingCpuNs;
    private long _applyingQueuedNs;
    private long _committerWaiting;
    private long _receiverBlocked;

    public TimeSpan Applying => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _applying));

    public TimeSpan ApplyingCpu => TimeSpan.FromTicks(Interlocked.Read(ref _applyingCpuNs) / 100);

    public TimeSpan ApplyingQueued => TimeSpan.FromTicks(Interlocked.Read(ref _applyingQueuedNs) / 100);

    public TimeSpan CommitterWaiting => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _committerWaiting));

    public TimeSpan ReceiverBlocked => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _receiverBlocked));

    /// <summary>Times one batch applied on the calling thread.</summary>
    public T Apply<T>(Func<T> apply)
    {
        var (cpu, queued) = ThreadSchedNs();
        var started = Stopwatch.GetTimestamp();
        try
        {
            return apply();
        }
        finally
        {
            Interlocked.Add(ref _applying, Stopwatch.GetTimestamp() - started);
            if (cpu >= 0 && ThreadSchedNs() is ( >= 0 and var cpuAfter, var queuedAfter))
            {
                Interlocked.Add(ref _applyingCpuNs, cpuAfter - cpu);
                Interlocked.Add(ref _applyingQueuedNs, queuedAfter - queued);
            }
        }
    }

    public void CommitterWaited(long startedTimestamp) => Interlocked.Add(ref _committerWaiting, Stopwatch.GetTimestamp() - startedTimestamp);

    public void ReceiverWaited(long startedTimestamp) => Interlocked.Add(ref _receiverBlocked, Stopwatch.GetTimestamp() - startedTimestamp);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"committing side applied batches for {Applying.TotalSeconds:0.00} s ({ApplyingCpu.TotalSeconds:0.00} s of its thread's CPU, {ApplyingQueued.TotalSeconds:0.00} s waiting for a core) and waited for frames {CommitterWaiting.TotalSeconds:0.00} s; receiving side blocked on a full queue {ReceiverBlocked.TotalSeconds:0.00} s");

    private static bool _noThreadClock;

    /// <summary>
    /// The calling thread's CPU time and its time runnable but not running, in nanoseconds (Linux's schedstat), or
    /// -1 where they cannot be read.
    /// </summary>
    private static (long Cpu, long Queued) ThreadSchedNs()
    {
        if (_noThreadClock) return (-1, -1);
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            var fields = text.Split(' ');
            return (long.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture), long.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            _noThreadClock = true;
            return (-1, -1);
        }
    }
}
