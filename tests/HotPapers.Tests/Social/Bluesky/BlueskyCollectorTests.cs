using System.Text.Json;
using HotPapers.Domain;
using HotPapers.Social.Bluesky;
using HotPapers.Testing;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

public sealed class BlueskyCollectorTests
{
    private const string Password = "app-pass-w0rd-secret";
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static BlueskyOptions Options(LocalHttpServer server) => new()
    {
        ApiBaseUrl = server.BaseUrl,
        Handle = "hotpapers.bsky.social",
        AppPassword = Password,
        PageSize = 25,
    };

    /// <summary>A PDS: createSession answers a token; searchPosts serves page 1, then (with cursor=25) page 2.</summary>
    private static Func<RecordedRequest, Reply> Pds(Func<RecordedRequest, Reply?>? before = null) => request =>
    {
        if (before?.Invoke(request) is { } special) return special;
        if (request.PathAndQuery.StartsWith("/xrpc/com.atproto.server.createSession", StringComparison.Ordinal))
            return new Reply(200, """{"accessJwt":"jwt-1","refreshJwt":"r","did":"did:plc:me","handle":"hotpapers.bsky.social"}""");
        if (request.Authorization != "Bearer jwt-1") return new Reply(401, """{"error":"AuthMissing","message":"Authentication Required"}""");
        return request.PathAndQuery.Contains("cursor=25", StringComparison.Ordinal)
            ? new Reply(200, TestData.Read("bluesky", "searchposts-page2.json"))
            : new Reply(200, TestData.Read("bluesky", "searchposts-page1.json"));
    };

    private static async Task<BlueskyCollectResult> Collect(LocalHttpServer server, HotPapers.Store.HotPapersStore store, BlueskyOptions? options = null)
    {
        using var http = new HttpClient();
        var collector = new BlueskyCollector(store, http, options ?? Options(server), new FixedClock(Now));
        return await collector.CollectDayAsync(new DateOnly(2024, 1, 9), CancellationToken.None);
    }

    [Fact]
    public async Task Logs_in_once_pages_with_the_cursor_and_asks_for_the_day()
    {
        await using var server = new LocalHttpServer(Pds());
        using var temp = new TempStore();
        using var store = temp.Open();

        var result = await Collect(server, store);

        Assert.Equal(new BlueskyCollectResult(Pages: 2, PostsSeen: 3, PostsKept: 2, Links: 2), result);
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal("POST", requests[0].Method);
        using (var login = JsonDocument.Parse(requests[0].Body))
        {
            Assert.Equal("hotpapers.bsky.social", login.RootElement.GetProperty("identifier").GetString());
            Assert.Equal(Password, login.RootElement.GetProperty("password").GetString());
        }
        Assert.Equal("/xrpc/app.bsky.feed.searchPosts?q=arxiv.org&domain=arxiv.org&sort=latest&since=2024-01-09T00%3A00%3A00Z&until=2024-01-10T00%3A00%3A00Z&limit=25", requests[1].PathAndQuery);
        Assert.EndsWith("&cursor=25", requests[2].PathAndQuery);
        Assert.All(requests.Skip(1), r => Assert.Equal("Bearer jwt-1", r.Authorization));
    }

    [Fact]
    public async Task Stores_posts_with_counts_snapshots_code_point_entities_links_and_snippets()
    {
        await using var server = new LocalHttpServer(Pds());
        using var temp = new TempStore();
        using var store = temp.Open();

        await Collect(server, store);

        const string mixtral = "at://did:plc:4hqjfn7m6n5hno3doamuhgef/app.bsky.feed.post/3lxyzabc2k22y";
        var post = store.LoadPost("bluesky", mixtral)!;
        Assert.Equal("researcher.bsky.social", post.AuthorHandle);
        Assert.Equal("A. Researcher", post.AuthorName);
        Assert.Equal("Schöne Arbeit 🎉 arxiv.org/abs/2401.04088 via @alice.bsky.social #LLM", post.Text);
        Assert.Equal([(16, 40), (45, 63), (64, 68)], post.Entities.Select(e => (e.Start, e.End)));
        var state = store.LoadBlueskyPost(mixtral)!;
        Assert.Equal((31L, 5L, 1L, (long?)2L), (state.Likes, state.Reposts, state.Quotes, state.Replies));
        Assert.Equal(new EngagementSnapshot("bluesky", mixtral, 5, 31, Now), store.LoadLatestSnapshot("bluesky", mixtral));
        Assert.Equal(["2401.04088"], store.LoadArxivLinks("bluesky", mixtral));

        const string japanese = "at://did:plc:spfskpvcqvyicwe6hn75sr4d/app.bsky.feed.post/3mgkes5zhrc3a";
        var jp = store.LoadPost("bluesky", japanese)!;
        Assert.Equal(new PostEntity(EntityKind.Url, 10, 36, "https://arxiv.org/abs/2010.13581v2", "arxiv.org/abs/2010.1358..."), Assert.Single(jp.Entities));
        Assert.Equal(["2010.13581"], store.LoadArxivLinks("bluesky", japanese));
        Assert.Equal(new EngagementSnapshot("bluesky", japanese, 3, 12, Now), store.LoadLatestSnapshot("bluesky", japanese));
        // The YouTube post on page 2 links no paper and is not kept.
        Assert.Null(store.LoadPost("bluesky", "at://did:plc:spfskpvcqvyicwe6hn75sr4d/app.bsky.feed.post/3mgkes5zhrc2r"));
    }

    [Fact]
    public async Task A_collected_post_is_shown_in_bluesky_oembed_form_from_its_stored_fields()
    {
        await using var server = new LocalHttpServer(Pds());
        using var temp = new TempStore();
        using var store = temp.Open();

        await Collect(server, store);

        const string id = "at://did:plc:spfskpvcqvyicwe6hn75sr4d/app.bsky.feed.post/3mgkes5zhrc3a";
        // Nothing is cached at collection time: an embed is fetched or rendered only for the posts a digest shows.
        Assert.Null(store.Posts.LoadEmbedHtml("bluesky", id));
        var html = new BlueskyPresenter().RenderEmbed(store.LoadPost("bluesky", id)!, new HotPapers.Social.PresentContext(store, TimeZoneInfo.Utc));
        Assert.Equal("<blockquote class=\"bluesky-embed\" data-bluesky-uri=\"at://did:plc:spfskpvcqvyicwe6hn75sr4d/app.bsky.feed.post/3mgkes5zhrc3a\" data-bluesky-cid=\"bafyreibjfxwfe3z6mmis5nwmb5p6u4k27ji35ammiz3mgwck3mnmmq6vra\"><p lang=\"ja\">この論文すごい 👉 arxiv.org/abs/2010.1358...</p>&mdash; <a href=\"https://bsky.app/profile/did:plc:spfskpvcqvyicwe6hn75sr4d?ref_src=embed\">@wagahai.info</a> <a href=\"https://bsky.app/profile/did:plc:spfskpvcqvyicwe6hn75sr4d/post/3mgkes5zhrc3a?ref_src=embed\">2026-03-08T12:50:01.5Z</a></blockquote>" + BlueskyOEmbedHtml.Script, html);
    }

    [Fact]
    public async Task An_expired_token_logs_in_again_and_a_429_waits_for_the_reset()
    {
        var searches = 0;
        await using var server = new LocalHttpServer(Pds(request =>
        {
            if (!request.PathAndQuery.Contains("searchPosts", StringComparison.Ordinal)) return null;
            searches++;
            return searches switch
            {
                1 => new Reply(400, """{"error":"ExpiredToken","message":"Token has expired"}"""),
                2 => new Reply(429, """{"error":"RateLimitExceeded"}""", new Dictionary<string, string> { ["RateLimit-Reset"] = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                _ => null,
            };
        }));
        using var temp = new TempStore();
        using var store = temp.Open();

        var result = await Collect(server, store);

        Assert.Equal(2, result.PostsKept);
        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery.Contains("createSession", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_login_names_the_url_and_never_the_password()
    {
        await using var server = new LocalHttpServer(_ => new Reply(401, """{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"""));
        using var temp = new TempStore();
        using var store = temp.Open();

        var error = await Assert.ThrowsAsync<BlueskyApiException>(() => Collect(server, store));

        Assert.Contains("createSession", error.Message);
        Assert.Contains("401", error.Message);
        Assert.DoesNotContain(Password, error.Message);
        Assert.DoesNotContain(Password, Options(server).ToString());
    }

    [Fact]
    public async Task Without_credentials_it_says_which_settings_to_set()
    {
        await using var server = new LocalHttpServer(Pds());
        using var temp = new TempStore();
        using var store = temp.Open();

        var error = await Assert.ThrowsAsync<BlueskyApiException>(() => Collect(server, store, new BlueskyOptions { ApiBaseUrl = server.BaseUrl }));

        Assert.Contains("HOTPAPERS_Bluesky__AppPassword", error.Message);
        Assert.Empty(server.Requests);
    }
}
