using HotPapers.Social.Bluesky;
using HotPapers.Testing.Jetstream;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>The compact set of kept posts answers as a set of URI strings does, whatever the URIs' shapes.</summary>
public sealed class KeptPostSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void It_answers_as_a_set_of_uri_strings(int seed)
    {
        var random = new Random(seed);
        var uris = Enumerable.Range(0, 3_000).Select(_ => Uri(random)).ToList();
        var expected = new HashSet<string>(uris.Take(500), StringComparer.Ordinal);
        var kept = new KeptPostSet(uris.Take(500));

        for (var step = 0; step < 30_000; step++)
        {
            var uri = uris[random.Next(uris.Count)];
            switch (random.Next(3))
            {
                case 0: Assert.True(expected.Add(uri) == kept.Add(uri), $"add {uri}"); break;
                case 1: Assert.True(expected.Remove(uri) == kept.Remove(uri), $"remove {uri}"); break;
                default: Assert.True(expected.Contains(uri) == kept.Contains(uri), $"contains {uri}"); break;
            }
        }

        Assert.Equal(expected.Count, kept.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
        foreach (var uri in expected)
            if (AtUri.TryParse(uri, out var parsed)) Assert.True(kept.HasAuthor(parsed.Did), uri);
    }

    /// <summary>Mostly post URIs with TID rkeys, as the firehose has them; then every shape that is not one.</summary>
    private static string Uri(Random random)
    {
        var did = $"did:plc:{random.Next(200):d24}";
        var tid = JetstreamStreamGenerator.Tid(JetstreamStreamGenerator.DefaultStartUs + random.Next(1_000_000) * 1_000L, random.Next(1024));
        return random.Next(12) switch
        {
            0 => $"at://{did}/app.bsky.feed.post/{tid.ToUpperInvariant()}",
            1 => $"at://{did}/app.bsky.feed.post/3kkeep{random.Next(100)}",
            2 => $"at://{did}/app.bsky.feed.post/{tid}x",
            3 => $"at://{did}/app.bsky.feed.like/{tid}",
            4 => $"at://{did}/app.bsky.feed.post/z{tid[1..]}",
            5 => $"at://did:web:example.com/app.bsky.feed.post/{tid}",
            6 => "at:///app.bsky.feed.post/" + tid,
            7 => "https://bsky.app/profile/" + did,
            _ => $"at://{did}/app.bsky.feed.post/{tid}",
        };
    }
}
