using System.Text.Json;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using HotPapers.Testing.Jetstream;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>
/// The listener reads posts on its receiving task (<see cref="JetstreamIngestor.ReadAhead"/>): exactly the posts the
/// committing task would read, read as it would read them, and nothing else.
/// </summary>
public sealed class JetstreamReadAheadTests
{
    [Fact]
    public void Posts_that_may_link_arXiv_are_read_as_the_committing_side_reads_them_and_no_other_frame_is()
    {
        var reader = new BlueskyPostReader(ArxivIdFinders.Default);
        var readAhead = 0;
        foreach (var generated in JetstreamStreamGenerator.Generate(6_000, seed: 4))
        {
            var frame = JsonSerializer.Deserialize(generated.Utf8, BlueskyJsonContext.Default.JetstreamFrame)!;
            JetstreamIngestor.ReadAhead(frame, reader);

            var post = frame.Commit is { Collection: BlueskyPlatform.PostCollection, Operation: "create" or "update", Record: { } record } ? record : null;
            if (post is null || !BlueskyPostReader.MayLinkPaper(post))
            {
                Assert.True(frame.Reading is null, $"read ahead although nothing would read it: {generated.Json}");
                continue;
            }
            readAhead++;
            var expected = reader.Read(AtUri.Post(frame.Did!, frame.Commit!.Rkey!), post, null, null, BlueskyTime.FromUnixMicroseconds(frame.TimeUs));
            var actual = Assert.IsType<BlueskyPostReading>(frame.Reading);
            Assert.Equal(expected.Post, actual.Post with { Entities = expected.Post.Entities });
            Assert.Equal(expected.Post.Entities, actual.Post.Entities);
            Assert.Equal(expected.Papers, actual.Papers);
            Assert.Equal((expected.Uri, expected.QuotedUri, expected.HasEmbed), (actual.Uri, actual.QuotedUri, actual.HasEmbed));
            if (generated.Facts is PostCreated { LinksArxiv: true }) Assert.NotEmpty(actual.Papers);
        }
        Assert.True(readAhead > 50, $"the stream should hold posts that link arXiv: {readAhead}");
    }
}
