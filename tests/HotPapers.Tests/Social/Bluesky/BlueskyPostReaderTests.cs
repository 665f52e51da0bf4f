using System.Text;
using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>
/// A post linking a paper in any form the extractor knows (external-formats.md §3.3), in its text, a link facet or
/// its external embed, passes the listener's pre-checks and is read as linking that paper.
/// </summary>
public sealed class BlueskyPostReaderTests
{
    public static TheoryData<string, string, string> Links()
    {
        var data = new TheoryData<string, string, string>();
        (string Link, string Id)[] forms =
        [
            ("https://arxiv.org/abs/2010.13581v2", "2010.13581"),
            ("https://huggingface.co/papers/2005.14165", "2005.14165"),
            ("https://hf.co/papers/2005.14165", "2005.14165"),
            ("https://www.alphaxiv.org/abs/2005.14165", "2005.14165"),
            ("https://www.alphaxiv.org/overview/2005.14165v4", "2005.14165"),
            ("https://ar5iv.org/abs/1902.10197", "1902.10197"),
            ("https://ar5iv.labs.arxiv.org/html/1902.10197", "1902.10197"),
            ("https://doi.org/10.48550/arXiv.2202.01037", "2202.01037"),
            ("https://www.semanticscholar.org/arxiv/2105.08276", "2105.08276"),
        ];
        foreach (var (link, id) in forms)
            foreach (var place in new[] { "text", "facet", "embed" })
                data.Add(link, place, id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void A_post_linking_a_paper_in_any_known_form_is_read_as_linking_it(string link, string place, string id)
    {
        var record = place switch
        {
            "text" => $$"""{"$type":"app.bsky.feed.post","text":"worth a read {{link}}","createdAt":"2024-01-09T10:31:08.600Z"}""",
            "facet" => $$$$"""{"$type":"app.bsky.feed.post","text":"worth a read","createdAt":"2024-01-09T10:31:08.600Z","facets":[{"index":{"byteStart":0,"byteEnd":5},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"{{{{link}}}}"}]}]}""",
            _ => $$$$"""{"$type":"app.bsky.feed.post","text":"worth a read","createdAt":"2024-01-09T10:31:08.600Z","embed":{"$type":"app.bsky.embed.external","external":{"uri":"{{{{link}}}}","title":"","description":""}}}""",
        };

        Assert.Equal([ArxivId.Parse(id)], PapersKept(record));
    }

    [Fact]
    public void An_arxiv_id_in_the_text_alone_is_read_as_linking_the_paper()
    {
        Assert.Equal([ArxivId.Parse("2010.13581")], PapersKept("""{"$type":"app.bsky.feed.post","text":"New preprint, arXiv:2010.13581 🎉","createdAt":"2024-01-09T10:31:08.600Z"}"""));
    }

    [Theory]
    [InlineData("see notarxiv.org/abs/2401.04088 for details")]
    [InlineData("https://arxiv.org/list/cs.LG/recent is busy today")]
    [InlineData("https://huggingface.co/papers is the daily list")]
    [InlineData("two papers today, 2401.04088 among them")]
    public void A_post_that_only_looks_like_it_links_a_paper_is_not_kept(string text) =>
        Assert.Empty(PapersKept($$"""{"$type":"app.bsky.feed.post","text":"{{text}}","createdAt":"2024-01-09T10:31:08.600Z"}"""));

    /// <summary>
    /// The papers the listener keeps this post for: none unless it passes the raw-byte pre-check and
    /// <see cref="BlueskyPostReader.MayLinkPaper"/>, then those the reader finds.
    /// </summary>
    private static IReadOnlyList<ArxivId> PapersKept(string recordJson)
    {
        var frame = $$$"""{"did":"did:plc:author","time_us":10,"kind":"commit","commit":{"rev":"3r","operation":"create","collection":"app.bsky.feed.post","rkey":"3kpost","record":{{{recordJson}}}}}""";
        var passesTriage = new JetstreamTriage([], []).NeedsParse(Encoding.UTF8.GetBytes(frame), out _);
        var record = JsonSerializer.Deserialize(recordJson, BlueskyJsonContext.Default.PostRecord)!;
        if (!passesTriage || !BlueskyPostReader.MayLinkPaper(record)) return [];
        return new BlueskyPostReader(ArxivIdFinders.Default).Read(AtUri.Post("did:plc:author", "3kpost"), record, null, null, DateTimeOffset.UnixEpoch).Papers;
    }
}
