using System.Net;
using System.Text;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Testing;

namespace HotPapers.Tests.Social.X;

/// <summary>An HttpMessageHandler answering by host: each request goes to the function of its host.</summary>
internal sealed class HostHandler(Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> hosts) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(hosts.TryGetValue(request.RequestUri!.Host, out var answer) ? answer(request) : new HttpResponseMessage(HttpStatusCode.BadGateway));
    }
}

public class XOEmbedTests
{
    private static readonly XOptions Options = new() { OEmbedUrl = "http://publish.twitter.test/oembed" };

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static string OEmbedJson(string html) => XJson.Serialize(new Dictionary<string, object?> { ["url"] = "https://twitter.com/a/status/1", ["html"] = html + "\n", ["type"] = "rich" });

    /// <summary>publish.twitter.test redirects (301) to publish.x.test, which answers with <paramref name="answer"/>.</summary>
    private static HostHandler Redirecting(Func<HttpRequestMessage, HttpResponseMessage> answer) => new(new()
    {
        ["publish.twitter.test"] = r =>
        {
            var moved = new HttpResponseMessage(HttpStatusCode.MovedPermanently);
            moved.Headers.Location = new Uri("http://publish.x.test/oembed" + r.RequestUri!.Query);
            return moved;
        },
        ["publish.x.test"] = answer,
    });

    private static SocialPost SeedPost(out string html)
    {
        var embed = XTweetConverterTests.SeedEmbeds().First().Embed;
        html = embed.Html;
        return embed.Post;
    }

    [Fact]
    public async Task Follows_the_redirect_and_reads_the_real_2023_json_with_escaped_slashes()
    {
        var handler = Redirecting(_ => Json(TestData.Read("social", "oembed-2023.json")));
        var result = await new XOEmbedClient(new HttpClient(handler), Options).FetchAsync("alleyco", "1679189879086018562");

        Assert.Equal(OEmbedStatus.Ok, result.Status);
        Assert.StartsWith("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">We’re a full-service", result.Html);
        Assert.EndsWith("</blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>", result.Html);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("?url=https%3A%2F%2Ftwitter.com%2Falleyco%2Fstatus%2F1679189879086018562", handler.Requests[1].Query);
    }

    [Fact]
    public async Task The_2026_form_with_data_attributes_and_no_script_passes()
    {
        var handler = Redirecting(_ => Json(TestData.Read("social", "oembed-2026.json")));
        var result = await new XOEmbedClient(new HttpClient(handler), Options).FetchAsync("OpenAI", "2102808325742322002");
        Assert.Equal(OEmbedStatus.Ok, result.Status);
        Assert.Contains("data-dnt=\"true\"", result.Html);
    }

    [Fact]
    public async Task A_404_with_an_html_body_means_deleted()
    {
        var handler = Redirecting(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<!DOCTYPE html><html>Not found</html>", Encoding.UTF8, "text/html") });
        var result = await new XOEmbedClient(new HttpClient(handler), Options).FetchAsync("a", "1");
        Assert.Equal(OEmbedStatus.Deleted, result.Status);
        Assert.Null(result.Html);
    }

    [Fact]
    public void Every_seed_embed_passes_the_allow_list()
    {
        foreach (var (file, embed) in XTweetConverterTests.SeedEmbeds())
            Assert.True(OEmbedHtmlPolicy.IsAllowed(embed.Html, out var reason), $"{file} {embed.Post.PostId}: {reason}");
    }

    public static TheoryData<string> Hostile => new()
    {
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi<img src=x onerror=alert(1)></p></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\" onclick=\"alert(1)\">hi</p></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\"><a href=\"javascript:alert(1)\">x</a></p></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\"><a href=\"https://evil.example/\">x</a></p></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\"><a href=\"https://t.co/x\" style=\"x\">x</a></p></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi</p></blockquote>\n<script src=\"https://evil.example/x.js\"></script>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi</blockquote>",
        "<blockquote class=\"other\"><p lang=\"en\" dir=\"ltr\">hi</p></blockquote>",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">a & b</p></blockquote>",
        "<iframe src=\"https://t.co/x\"></iframe>",
        "plain text",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_or_unknown_markup_is_refused(string html) => Assert.False(OEmbedHtmlPolicy.IsAllowed(html, out _));

    [Fact]
    public async Task Allowed_html_is_cached_per_post_and_the_second_run_does_not_fetch()
    {
        var post = SeedPost(out var seedHtml);
        using var store = StoreWith(post);
        var handler = Redirecting(_ => Json(OEmbedJson(seedHtml)));

        var first = await Prepare(store, handler, EmbedMode.OEmbed, post);
        var second = await Prepare(store, handler, EmbedMode.OEmbed, post);

        Assert.Equal("1 fetched, 0 cached, 0 shown as local renderings", first.Summary);
        Assert.Equal("0 fetched, 1 cached, 0 shown as local renderings", second.Summary);
        Assert.Equal(2, handler.Requests.Count); // one fetch (redirect + answer), then none
        Assert.Equal(seedHtml, store.Posts.LoadEmbedHtml(post.Platform, post.PostId));
    }

    [Fact]
    public async Task Rejected_html_falls_back_to_the_local_rendering_and_is_not_cached()
    {
        var post = SeedPost(out _);
        using var store = StoreWith(post);
        var handler = Redirecting(_ => Json(OEmbedJson("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">pwned<script>alert(1)</script></p></blockquote>")));

        var (summary, log) = await Prepare(store, handler, EmbedMode.OEmbed, post);

        Assert.Equal("0 fetched, 0 cached, 1 shown as local renderings", summary);
        Assert.Contains(log, l => l.StartsWith(post.PostId + ": ", StringComparison.Ordinal) && l.EndsWith("; the local rendering will be shown", StringComparison.Ordinal));
        Assert.Null(store.Posts.LoadEmbedHtml(post.Platform, post.PostId));
    }

    [Fact]
    public async Task A_network_failure_falls_back_to_the_local_rendering_instead_of_failing_the_run()
    {
        var post = SeedPost(out _);
        using var store = StoreWith(post);
        var handler = Redirecting(_ => throw new HttpRequestException("Connection refused (publish.x.test:80)"));

        var (summary, log) = await Prepare(store, handler, EmbedMode.OEmbed, post);

        Assert.Equal("0 fetched, 0 cached, 1 shown as local renderings", summary);
        var line = Assert.Single(log);
        Assert.Contains("Connection refused", line);
        Assert.Contains("GET http://publish.x.test/oembed", line);
        Assert.Null(store.Posts.LoadEmbedHtml(post.Platform, post.PostId));
    }

    [Fact]
    public async Task Checked_embeds_fetch_one_post_and_render_the_rest_locally_when_the_local_rendering_is_exact()
    {
        var posts = SeedPosts(3);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        var handler = Redirecting(r => Json(OEmbedJson(posts.Single(p => r.RequestUri!.Query.Contains(p.Post.PostId, StringComparison.Ordinal)).Html)));

        var (summary, log) = await Prepare(store, handler, EmbedMode.Checked, [.. posts.Select(p => p.Post)]);

        Assert.Equal($"1 fetched, 0 cached, 2 shown as local renderings; the local rendering of {posts[0].Post.PostId} equals oEmbed's, so the others are rendered locally", summary);
        Assert.Empty(log);
        Assert.Equal(2, handler.Requests.Count); // the first post only (redirect + answer)
        Assert.Equal(posts[0].Html, store.Posts.LoadEmbedHtml("x", posts[0].Post.PostId));
        Assert.Null(store.Posts.LoadEmbedHtml("x", posts[1].Post.PostId));
    }

    [Fact]
    public async Task Checked_embeds_fetch_every_post_when_the_platform_serves_other_html_than_the_local_rendering()
    {
        var posts = SeedPosts(3);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        // X changed its HTML: the same post, the trailer's link now on x.com (as since 2024).
        string Served(HttpRequestMessage r) => posts.Single(p => r.RequestUri!.Query.Contains(p.Post.PostId, StringComparison.Ordinal)).Html.Replace("https://twitter.com/", "https://x.com/", StringComparison.Ordinal);
        var handler = Redirecting(r => Json(OEmbedJson(Served(r))));

        var (summary, log) = await Prepare(store, handler, EmbedMode.Checked, [.. posts.Select(p => p.Post)]);

        Assert.Equal($"3 fetched, 0 cached, 0 shown as local renderings; the local rendering of {posts[0].Post.PostId} differs from oEmbed's, so every shown post is fetched", summary);
        var line = Assert.Single(log);
        Assert.StartsWith($"{posts[0].Post.PostId}: the local rendering differs from oEmbed's: at character ", line);
        Assert.Contains("https://x.com/", line);
        Assert.Equal(6, handler.Requests.Count);
        Assert.All(posts, p => Assert.Contains("https://x.com/", store.Posts.LoadEmbedHtml("x", p.Post.PostId)));
    }

    [Fact]
    public async Task Checked_embeds_check_the_next_post_when_the_first_cannot_be_fetched()
    {
        var posts = SeedPosts(3);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        var handler = Redirecting(r => r.RequestUri!.Query.Contains(posts[0].Post.PostId, StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : Json(OEmbedJson(posts.Single(p => r.RequestUri!.Query.Contains(p.Post.PostId, StringComparison.Ordinal)).Html)));

        var (summary, _) = await Prepare(store, handler, EmbedMode.Checked, [.. posts.Select(p => p.Post)]);

        Assert.Equal($"1 fetched, 0 cached, 2 shown as local renderings; the local rendering of {posts[1].Post.PostId} equals oEmbed's, so the others are rendered locally", summary);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task A_rerun_checks_against_the_oembed_answer_its_first_run_cached_and_makes_no_request()
    {
        var posts = SeedPosts(3);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        // The first run was killed right after caching the first post's answer.
        store.Write(tx => tx.Posts.UpsertEmbed("x", posts[0].Post.PostId, posts[0].Html, EmbedPreparation.SourceName));
        var handler = Redirecting(_ => throw new InvalidOperationException("no request expected"));

        var (summary, log) = await Prepare(store, handler, EmbedMode.Checked, [.. posts.Select(p => p.Post)]);

        Assert.Equal($"0 fetched, 1 cached, 2 shown as local renderings; the local rendering of {posts[0].Post.PostId} equals oEmbed's cached answer, so the others are rendered locally", summary);
        Assert.Empty(log);
        Assert.Empty(handler.Requests);
        Assert.Null(store.Posts.LoadEmbedHtml("x", posts[1].Post.PostId));
    }

    [Fact]
    public async Task A_cached_oembed_answer_that_differs_from_the_local_rendering_makes_the_rerun_fetch_the_rest()
    {
        var posts = SeedPosts(3);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        var changed = posts[0].Html.Replace("https://twitter.com/", "https://x.com/", StringComparison.Ordinal);
        store.Write(tx => tx.Posts.UpsertEmbed("x", posts[0].Post.PostId, changed, EmbedPreparation.SourceName));
        var handler = Redirecting(r => Json(OEmbedJson(posts.Single(p => r.RequestUri!.Query.Contains(p.Post.PostId, StringComparison.Ordinal)).Html)));

        var (summary, log) = await Prepare(store, handler, EmbedMode.Checked, [.. posts.Select(p => p.Post)]);

        Assert.Equal($"2 fetched, 1 cached, 0 shown as local renderings; the local rendering of {posts[0].Post.PostId} differs from oEmbed's cached answer, so every shown post is fetched", summary);
        Assert.StartsWith($"{posts[0].Post.PostId}: the local rendering differs from oEmbed's cached answer: at character ", Assert.Single(log));
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task An_imported_embed_is_kept_but_does_not_stand_for_the_check()
    {
        var posts = SeedPosts(2);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        store.Write(tx => tx.Posts.UpsertEmbed("x", posts[0].Post.PostId, posts[0].Html, "import"));
        var handler = Redirecting(r => Json(OEmbedJson(posts.Single(p => r.RequestUri!.Query.Contains(p.Post.PostId, StringComparison.Ordinal)).Html)));

        var (summary, _) = await Prepare(store, handler, EmbedMode.Checked, [.. posts.Select(p => p.Post)]);

        Assert.Equal($"1 fetched, 1 cached, 0 shown as local renderings; the local rendering of {posts[1].Post.PostId} equals oEmbed's, so the others are rendered locally", summary);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Snapshot_embeds_make_no_request()
    {
        var posts = SeedPosts(2);
        using var store = StoreWith([.. posts.Select(p => p.Post)]);
        var handler = Redirecting(_ => throw new InvalidOperationException("no request expected"));

        var (summary, _) = await Prepare(store, handler, EmbedMode.Snapshot, [.. posts.Select(p => p.Post)]);

        Assert.Equal("2 shown as local renderings", summary);
        Assert.Empty(handler.Requests);
    }

    private static List<(SocialPost Post, string Html)> SeedPosts(int count) =>
        XTweetConverterTests.SeedEmbeds().Select(e => (e.Embed.Post, e.Embed.Html)).DistinctBy(e => e.Post.PostId).Take(count).ToList();

    private static HotPapers.Store.HotPapersStore StoreWith(params SocialPost[] posts)
    {
        var store = StoreFixture.WithPapers([], new DateOnly(2020, 10, 27));
        store.Write(tx =>
        {
            foreach (var post in posts) tx.Posts.Upsert(post, HotPapers.Store.PostSource.Embed);
        });
        return store;
    }

    private static async Task<(string Summary, List<string> Log)> Prepare(HotPapers.Store.HotPapersStore store, HostHandler handler, EmbedMode mode, params SocialPost[] shown)
    {
        var log = new List<string>();
        var fetcher = new XEmbedFetcher(new XOEmbedClient(new HttpClient(handler), Options));
        var summary = await fetcher.PrepareAsync(shown, new PresentContext(store, TimeZoneInfo.Utc), mode, log.Add, CancellationToken.None);
        return (summary, log);
    }
}
