using HotPapers.Social.Bluesky;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>The triage's hash set holds exactly what a <c>HashSet&lt;ulong&gt;</c> would, through its growth and for 0.</summary>
public sealed class UInt64SetTests
{
    [Fact]
    public void Holds_what_a_HashSet_holds_through_growth()
    {
        var random = new Random(14);
        var set = new UInt64Set();
        var reference = new HashSet<ulong>();
        // Values that share their low bits or their high bits probe the same slots; random ones fill the rest.
        var values = Enumerable.Range(0, 5000).Select(i => (ulong)i << 40)
            .Concat(Enumerable.Range(0, 5000).Select(i => (ulong)i * 1024))
            .Concat(Enumerable.Range(0, 20000).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)))
            .Append(0UL).Append(ulong.MaxValue)
            .ToList();
        foreach (var v in values)
        {
            Assert.Equal(reference.Add(v), set.Add(v));
            Assert.True(set.Contains(v));
        }
        foreach (var v in values) Assert.False(set.Add(v));
        Assert.Equal(reference.Count, set.Count);
        for (var i = 0; i < 20000; i++)
        {
            var probe = (ulong)random.NextInt64();
            Assert.Equal(reference.Contains(probe), set.Contains(probe));
        }
    }

    [Fact]
    public void Zero_is_absent_until_added()
    {
        var set = new UInt64Set();
        Assert.False(set.Contains(0));
        Assert.True(set.Add(0));
        Assert.True(set.Contains(0));
        Assert.False(set.Add(0));
        Assert.Equal(1, set.Count);
        Assert.False(set.Contains(1));
    }
}
