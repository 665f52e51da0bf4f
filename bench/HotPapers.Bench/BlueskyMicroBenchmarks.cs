using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.Bluesky;

namespace HotPapers.Bench;

/// <summary>The per-event pieces of the Jetstream path: frame parsing, the arXiv pre-check, facet conversion, and the snippet.</summary>
[MemoryDiagnoser]
public class BlueskyMicroBenchmarks
{
    private static readonly byte[] LikeFrame = Encoding.UTF8.GetBytes("""{"did":"did:plc:eygmaihciaxprqvxpfvl6flk","time_us":1725911162329308,"kind":"commit","commit":{"rev":"3l3qo2vutsw2b","operation":"create","collection":"app.bsky.feed.like","rkey":"3l3qo2vuowo2b","record":{"$type":"app.bsky.feed.like","createdAt":"2024-09-09T19:46:02.102Z","subject":{"cid":"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4","uri":"at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3pte3p2e325"}},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}""");

    private static readonly byte[] ArxivPostFrame = Encoding.UTF8.GetBytes("""{"did":"did:plc:4hqjfn7m6n5hno3doamuhgef","time_us":1704796268402117,"kind":"commit","commit":{"rev":"3lxyzabd7cs2k","operation":"create","collection":"app.bsky.feed.post","rkey":"3lxyzabc2k22y","record":{"$type":"app.bsky.feed.post","createdAt":"2024-01-09T10:31:07.118Z","embed":{"$type":"app.bsky.embed.external","external":{"description":"Abstract: We introduce Mixtral 8x7B...","thumb":{"$type":"blob","ref":{"$link":"bafkreibq2ow3kz5pu2r4m2xvbyb3lq6e6t2j4h5m7n3w2c5z6k7o4s3q2a"},"mimeType":"image/jpeg","size":48211},"title":"Mixtral of Experts","uri":"https://arxiv.org/abs/2401.04088"}},"facets":[{"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://arxiv.org/abs/2401.04088"}],"index":{"byteEnd":44,"byteStart":20}}],"langs":["de"],"text":"Schöne Arbeit 🎉 arxiv.org/abs/2401.04088 via @alice.bsky.social #LLM"},"cid":"bafyreigh7yhpxq6y5s3rk4ctq3gyjfrp4b3nmvzkmacgdr3j4zdq6vxrqe"}}""");

    private readonly BlueskyPostReader _reader = new(ArxivIdFinders.Default);
    private JetstreamFrame _post = null!;
    private SocialPost _social = null!;

    [GlobalSetup]
    public void Setup()
    {
        _post = JsonSerializer.Deserialize(ArxivPostFrame, BlueskyJsonContext.Default.JetstreamFrame)!;
        _social = _reader.Read(AtUri.Post(_post.Did!, _post.Commit!.Rkey!), _post.Commit.Record!, "researcher.bsky.social", "A. Researcher", DateTimeOffset.UnixEpoch).Post;
    }

    [Benchmark]
    public object? ParseLikeFrame() => JsonSerializer.Deserialize(LikeFrame, BlueskyJsonContext.Default.JetstreamFrame);

    [Benchmark]
    public object? ParseArxivPostFrame() => JsonSerializer.Deserialize(ArxivPostFrame, BlueskyJsonContext.Default.JetstreamFrame);

    [Benchmark]
    public bool MayLinkPaper() => BlueskyPostReader.MayLinkPaper(_post.Commit!.Record!);

    [Benchmark]
    public BlueskyPostReading ReadPost() => _reader.Read(AtUri.Post(_post.Did!, _post.Commit!.Rkey!), _post.Commit.Record!, null, null, DateTimeOffset.UnixEpoch);

    [Benchmark]
    public string RenderEmbed() => BlueskyOEmbedHtml.Render(_social, "bafyrei", hasEmbed: true, DateTimeOffset.UnixEpoch);
}
