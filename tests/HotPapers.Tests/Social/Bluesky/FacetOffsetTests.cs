using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Social.Bluesky;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

public sealed class FacetOffsetTests
{
    private static List<Facet> Facets(string json) => JsonSerializer.Deserialize<List<Facet>>(json)!;

    // The worked example of spec §5.3: ö is 2 bytes, 🎉 is 4 bytes and 2 UTF-16 units.
    private const string Text = "Schöne Arbeit 🎉 arxiv.org/abs/2401.04088 via @alice.bsky.social #LLM";

    private const string SpecFacets = """
        [
          {"features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://arxiv.org/abs/2401.04088"}], "index": {"byteEnd": 44, "byteStart": 20}},
          {"$type": "app.bsky.richtext.facet", "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"}], "index": {"byteEnd": 67, "byteStart": 49}},
          {"features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "LLM"}], "index": {"byteEnd": 72, "byteStart": 68}}
        ]
        """;

    [Fact]
    public void The_spec_example_converts_bytes_to_code_points()
    {
        var entities = BlueskyPostReader.Entities(Text, Facets(SpecFacets));

        Assert.Equal(
        [
            new PostEntity(EntityKind.Url, 16, 40, "https://arxiv.org/abs/2401.04088", "arxiv.org/abs/2401.04088"),
            new PostEntity(EntityKind.Mention, 45, 63, "did:plc:ewvi7nxzyoun6zhxrhs64oiz", "@alice.bsky.social"),
            new PostEntity(EntityKind.Hashtag, 64, 68, "LLM", "#LLM"),
        ], entities);
    }

    [Fact]
    public void Code_points_map_back_to_the_right_utf16_span()
    {
        var entities = BlueskyPostReader.Entities(Text, Facets(SpecFacets));
        var runes = Text.EnumerateRunes().ToArray();
        foreach (var entity in entities)
        {
            var span = string.Concat(runes[entity.Start..entity.End].Select(r => r.ToString()));
            Assert.Equal(entity.Display, span);
        }
    }

    [Fact]
    public void A_japanese_post_with_a_truncated_link_keeps_the_full_uri()
    {
        // Each kana is 3 bytes in UTF-8: "論文: " is 3+3+1+1 = 8 bytes, 4 code points.
        const string text = "論文: arxiv.org/abs/2401.0... すごい";
        var facets = Facets("""[{"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://arxiv.org/abs/2401.04088"}],"index":{"byteStart":8,"byteEnd":31}}]""");

        var entity = Assert.Single(BlueskyPostReader.Entities(text, facets));

        Assert.Equal(new PostEntity(EntityKind.Url, 4, 27, "https://arxiv.org/abs/2401.04088", "arxiv.org/abs/2401.0..."), entity);
    }

    [Theory]
    [InlineData(20, 90)]   // past the end
    [InlineData(44, 20)]   // inverted
    [InlineData(4, 20)]    // starts inside the two bytes of ö (bytes 3-4)
    [InlineData(16, 20)]   // starts inside the four bytes of 🎉
    [InlineData(-1, 4)]
    public void Malformed_facets_are_skipped_not_thrown(int start, int end)
    {
        var facets = Facets($$$"""[{"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"x"}],"index":{"byteStart":{{{start}}},"byteEnd":{{{end}}}}}]""");

        Assert.Empty(BlueskyPostReader.Entities(Text, facets));
    }

    [Fact]
    public void Unknown_feature_types_are_ignored_and_entities_come_sorted()
    {
        var facets = Facets("""
            [{"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"LLM"}],"index":{"byteStart":68,"byteEnd":72}},
             {"features":[{"$type":"app.bsky.richtext.facet#sparkle","x":1}],"index":{"byteStart":0,"byteEnd":7}},
             {"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://arxiv.org/abs/2401.04088"}],"index":{"byteStart":20,"byteEnd":44}}]
            """);

        var entities = BlueskyPostReader.Entities(Text, facets);

        Assert.Equal([16, 64], entities.Select(e => e.Start));
    }

    [Fact]
    public void Papers_come_from_facets_embeds_and_text_once_each_and_never_from_a_quoted_post()
    {
        var record = JsonSerializer.Deserialize<PostRecord>("""
            {"text":"two papers: arxiv.org/abs/2401.0... and https://arxiv.org/pdf/2010.13581v1",
             "facets":[{"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://arxiv.org/abs/2401.04088"}],"index":{"byteStart":12,"byteEnd":35}}],
             "embed":{"$type":"app.bsky.embed.recordWithMedia",
                      "media":{"$type":"app.bsky.embed.external","external":{"uri":"https://arxiv.org/abs/2401.04088v2","title":"t","description":"d"}},
                      "record":{"record":{"uri":"at://did:plc:q/app.bsky.feed.post/3lxyzabc2k22y","cid":"c"}}}}
            """)!;
        var reader = new BlueskyPostReader(HotPapers.Social.ArxivIdFinders.Default);

        var reading = reader.Read(AtUri.Post("did:plc:a", "3lxyzabc2k22z"), record, null, null, DateTimeOffset.UnixEpoch);

        Assert.Equal(["2401.04088", "2010.13581"], reading.Papers.Select(p => p.Value));
        Assert.Equal("at://did:plc:q/app.bsky.feed.post/3lxyzabc2k22y", reading.QuotedUri);
        Assert.Equal("did:plc:a", reading.Post.AuthorHandle); // no handle known: the DID stands in
    }
}
