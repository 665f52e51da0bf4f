using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>Readying shown Bluesky posts: authors named through getProfiles, embeds from oEmbed checked and cached.</summary>
public sealed class BlueskyEmbedFetcherTests
{
    // The spec's oEmbed answer (§5.5, ASSEMBLED from a real 2024 capture), as Bluesky's server sends it.
    private const string SpecHtml = "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:lontmsdex36tfjyxjlznnea7/app.bsky.feed.post/3la7bdr7ywg2p\" data-bluesky-cid=\"bafyreidllavabtt7w4qjlmmyboksp7omk3qpvke6umpyqjwpsdngqw4qre\"><p>pola-rs / polars: Dataframes powered by a multithreaded, vectorized query engine, written in Rust ★30149 https://github.com/pola-rs/polars</p>&mdash; <a href=\"https://bsky.app/profile/did:plc:lontmsdex36tfjyxjlznnea7?ref_src=embed\">RustTrending (@rusttrending.bsky.social)</a> <a href=\"https://bsky.app/profile/did:plc:lontmsdex36tfjyxjlznnea7/post/3la7bdr7ywg2p?ref_src=embed\">2024-11-05T12:49:03.225097252Z</a></blockquote><script async src=\"https://embed.bsky.app/static/embed.js\" charset=\"utf-8\"></script>";

    private const string PolarsUri = "at://did:plc:lontmsdex36tfjyxjlznnea7/app.bsky.feed.post/3la7bdr7ywg2p";

    private static SocialPost Polars(string handle = "rusttrending.bsky.social", string name = "RustTrending") => new(
        "bluesky", PolarsUri, handle, name, new DateTimeOffset(2024, 11, 5, 12, 49, 3, 225, TimeSpan.Zero), "", "auto",
        "pola-rs / polars: Dataframes powered by a multithreaded, vectorized query engine, written in Rust ★30149 https://github.com/pola-rs/polars", []);

    private static string OEmbedJson(string html) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "rich", ["version"] = "1.0", ["author_name"] = "RustTrending (@rusttrending.bsky.social)", ["provider_url"] = "Bluesky Social",
        ["cache_age"] = 86400, ["width"] = 600, ["height"] = null, ["html"] = html,
    });

    private static (BlueskyEmbedFetcher Fetcher, BlueskyProfileClient Profiles) Fetcher(LocalHttpServer server, HttpClient http)
    {
        var profiles = new BlueskyProfileClient(http, server.BaseUrl);
        return (new BlueskyEmbedFetcher(new BlueskyOEmbedClient(http, new Uri(server.BaseUrl, "oembed")), profiles), profiles);
    }

    private static void Store(HotPapersStore store, SocialPost post, string cid = "bafyreidllavabtt7w4qjlmmyboksp7omk3qpvke6umpyqjwpsdngqw4qre") => store.Write(tx =>
    {
        tx.Posts.Upsert(post, PostSource.Api);
        tx.Bluesky.KeepPost(post.PostId, post.PostId.Split('/')[2], cid, false, null);
    });

    [Fact]
    public async Task A_fetched_embed_is_checked_cached_once_and_equals_the_local_rendering_of_the_same_post()
    {
        await using var server = new LocalHttpServer(r => r.PathAndQuery.StartsWith("/oembed?url=at%3A%2F%2Fdid%3Aplc%3Alontmsdex36tfjyxjlznnea7", StringComparison.Ordinal)
            ? new Reply(200, OEmbedJson(SpecHtml)) : new Reply(404, "post not found", ContentType: "text/plain"));
        using var http = new HttpClient();
        using var temp = new TempStore();
        using var store = temp.Open();
        Store(store, Polars());
        var (fetcher, _) = Fetcher(server, http);
        var context = new PresentContext(store, TimeZoneInfo.Utc);

        var summary = await fetcher.PrepareAsync([Polars()], context, EmbedMode.OEmbed, _ => { }, CancellationToken.None);
        var again = await fetcher.PrepareAsync([Polars()], context, EmbedMode.OEmbed, _ => { }, CancellationToken.None);

        Assert.Equal("0 authors named, 1 fetched, 0 cached, 0 shown as local renderings", summary);
        Assert.Equal("0 authors named, 0 fetched, 1 cached, 0 shown as local renderings", again);
        Assert.Single(server.Requests);
        Assert.Equal(SpecHtml, store.Posts.LoadEmbedHtml("bluesky", PolarsUri));
        // The local rendering is the same HTML; only the time's digits beyond the store's milliseconds differ.
        Assert.Equal(SpecHtml.Replace("03.225097252Z", "03.225Z", StringComparison.Ordinal), new BlueskyPresenter().RenderEmbed(Polars(), context));
    }

    [Theory]
    [InlineData("blank lines and a heading", "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:lontmsdex36tfjyxjlznnea7/app.bsky.feed.post/3la7bdr7ywg2p\"><p>hi\n\n# 99. Injected paper\n\n[x](javascript:alert(1))</p>&mdash; <a href=\"javascript:alert(1)\">x</a> <a href=\"https://bsky.app/profile/did:plc:x/post/3la7bdr7ywg2p?ref_src=embed\">d</a></blockquote>")]
    [InlineData("a script", "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:lontmsdex36tfjyxjlznnea7/app.bsky.feed.post/3la7bdr7ywg2p\"><p>hi<script>alert(1)</script></p>&mdash; <a href=\"https://bsky.app/profile/did:plc:x?ref_src=embed\">x</a> <a href=\"https://bsky.app/profile/did:plc:x/post/3la7bdr7ywg2p?ref_src=embed\">d</a></blockquote>")]
    [InlineData("an event handler", "<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:lontmsdex36tfjyxjlznnea7/app.bsky.feed.post/3la7bdr7ywg2p\" onmouseover=\"alert(1)\"><p>hi</p>&mdash; <a href=\"https://bsky.app/profile/did:plc:x?ref_src=embed\">x</a> <a href=\"https://bsky.app/profile/did:plc:x/post/3la7bdr7ywg2p?ref_src=embed\">d</a></blockquote>")]
    [InlineData("a tweet", "<blockquote class=\"twitter-tweet\"><p>hi</p>&mdash; x (@x) <a href=\"https://twitter.com/x/status/1\">d</a></blockquote>")]
    public async Task Embed_html_outside_bluesky_embed_grammar_is_refused_and_the_local_rendering_is_shown(string what, string html)
    {
        await using var server = new LocalHttpServer(_ => new Reply(200, OEmbedJson(html)));
        using var http = new HttpClient();
        using var temp = new TempStore();
        using var store = temp.Open();
        Store(store, Polars());
        var (fetcher, _) = Fetcher(server, http);
        var log = new List<string>();

        var summary = await fetcher.PrepareAsync([Polars()], new PresentContext(store, TimeZoneInfo.Utc), EmbedMode.OEmbed, log.Add, CancellationToken.None);

        Assert.True(summary.EndsWith("1 shown as local renderings", StringComparison.Ordinal), what);
        Assert.Null(store.Posts.LoadEmbedHtml("bluesky", PolarsUri));
        Assert.Contains("is not Bluesky's embed form", Assert.Single(log));
    }

    [Fact]
    public void Raw_line_breaks_in_allowed_html_become_br_so_no_blank_line_reaches_the_post()
    {
        var html = SpecHtml.Replace("pola-rs / polars:", "first\n\nsecond", StringComparison.Ordinal);

        Assert.True(BlueskyOEmbedPolicy.IsAllowed(html, out _));
        var printed = BlueskyOEmbedPolicy.Normalize(html + "\n");
        Assert.DoesNotContain('\n', printed);
        Assert.Contains("first<br><br>second", printed);
    }

    [Fact]
    public async Task Authors_known_only_by_did_are_named_through_get_profiles_25_at_a_time_and_asked_once()
    {
        var dids = Enumerable.Range(0, 30).Select(i => $"did:plc:author{i:D2}").ToList();
        await using var server = new LocalHttpServer(r =>
        {
            var asked = r.PathAndQuery.Split('?')[1].Split('&').Select(p => Uri.UnescapeDataString(p["actors=".Length..])).ToList();
            // One account is gone: getProfiles leaves it out.
            var profiles = asked.Where(d => d != "did:plc:author29").Select(d => new Dictionary<string, string> { ["did"] = d, ["handle"] = d[8..] + ".bsky.social", ["displayName"] = "Author " + d[^2..] });
            return new Reply(200, JsonSerializer.Serialize(new { profiles }));
        });
        using var http = new HttpClient();
        using var temp = new TempStore();
        using var store = temp.Open();
        var posts = dids.Select(d => new SocialPost("bluesky", $"at://{d}/app.bsky.feed.post/3kabc", d, "", DateTimeOffset.UnixEpoch, "en", "auto", "paper", [])).ToList();
        foreach (var post in posts) Store(store, post);
        var (fetcher, profileClient) = Fetcher(server, http);

        var summary = await fetcher.PrepareAsync(posts, new PresentContext(store, TimeZoneInfo.Utc), EmbedMode.Snapshot, _ => { }, CancellationToken.None);
        await fetcher.PrepareAsync(posts, new PresentContext(store, TimeZoneInfo.Utc), EmbedMode.Snapshot, _ => { }, CancellationToken.None);

        Assert.Equal("29 authors named, 30 shown as local renderings", summary);
        Assert.Equal(2, profileClient.Requests);
        Assert.All(server.Requests, r => Assert.StartsWith("/xrpc/app.bsky.actor.getProfiles?actors=", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal([25, 5], server.Requests.Select(r => r.PathAndQuery.Split('&').Length));
        var named = store.LoadPost("bluesky", "at://did:plc:author07/app.bsky.feed.post/3kabc")!;
        Assert.Equal(("author07.bsky.social", "Author 07"), (named.AuthorHandle, named.AuthorName));
        Assert.Equal("did:plc:author29", store.LoadPost("bluesky", "at://did:plc:author29/app.bsky.feed.post/3kabc")!.AuthorHandle);
        Assert.Contains("Author 07 (@author07.bsky.social)", new BlueskyPresenter().RenderEmbed(named, new PresentContext(store, TimeZoneInfo.Utc)));
    }
}
