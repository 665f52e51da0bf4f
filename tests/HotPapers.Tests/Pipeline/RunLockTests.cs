using HotPapers.Pipeline;
using HotPapers.Testing;

namespace HotPapers.Tests.Pipeline;

public class RunLockTests
{
    [Fact]
    public void A_second_holder_is_refused_with_the_first_ones_name_and_may_take_it_once_released()
    {
        using var dir = new TempDirectory();
        var path = dir.File("daily.lock");
        var clock = new FixedClock(new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero));
        using (RunLock.Acquire(path, clock))
        {
            var refused = Assert.Throws<RunLockedException>(() => RunLock.Acquire(path, clock));
            Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName} since 2021-06-11T09:50:30Z", refused.Message);
            Assert.Contains(path, refused.Message);
        }
        using var again = RunLock.Acquire(path, clock);
        Assert.Equal(path, again.Path);
    }
}
