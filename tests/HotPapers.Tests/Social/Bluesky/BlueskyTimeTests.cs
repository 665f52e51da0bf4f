using HotPapers.Social.Bluesky;
using HotPapers.Testing.Jetstream;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

public sealed class BlueskyTimeTests
{
    [Theory]
    [InlineData("2024-11-21T16:09:27.095Z", 2024, 11, 21, 16, 9, 27, 950_000)]
    [InlineData("2024-11-05T12:49:03.225097252Z", 2024, 11, 5, 12, 49, 3, 2_250_972)]
    [InlineData("2024-11-05T12:49:03Z", 2024, 11, 5, 12, 49, 3, 0)]
    [InlineData("2024-11-05T13:49:03+01:00", 2024, 11, 5, 12, 49, 3, 0)]
    public void Fractions_of_any_length_parse(string text, int y, int mo, int d, int h, int mi, int s, long ticks)
    {
        Assert.True(BlueskyTime.TryParse(text, out var time));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero).AddTicks(ticks), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-11-05 12:49:03")]
    public void Other_strings_do_not(string text) => Assert.False(BlueskyTime.TryParse(text, out _));

    [Fact]
    public void A_real_tid_decodes_to_about_its_creation_time()
    {
        // The REAL Jetstream post: rkey 3lbhtyteurk2y, createdAt 2024-11-21T16:09:27.095Z.
        Assert.True(BlueskyTime.TryFromTid("3lbhtyteurk2y", out var time));
        Assert.InRange(time, new DateTimeOffset(2024, 11, 21, 16, 9, 0, TimeSpan.Zero), new DateTimeOffset(2024, 11, 21, 16, 10, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Tids_round_trip_through_the_generator_encoding()
    {
        const long micros = 1_704_796_268_402_117;
        Assert.True(BlueskyTime.TryFromTid(JetstreamStreamGenerator.Tid(micros), out var time));
        Assert.Equal(BlueskyTime.FromUnixMicroseconds(micros), time);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("zzzzzzzzzzzzz")] // top bit set
    [InlineData("3lbhtyteurk2!")]
    public void Non_tids_are_refused(string rkey) => Assert.False(BlueskyTime.TryFromTid(rkey, out _));
}
