using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using HotPapers.Configuration;
using HotPapers.Http;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Tests.Social.ToyPlatform;

/// <summary>
/// A whole platform in one folder, as a contributor would add one: registration, presenter and source. Its API
/// lists a day's posts as JSON at <c>{Toy:ApiBaseUrl}/posts?day=YYYY-MM-DD</c>; boosts are its reposts,
/// favourites its likes.
/// </summary>
internal static class ToyPlatform
{
    public const string Name = "toy";

    public static SocialPlatform Registration { get; } = new(
        new ToyPresenter(),
        SourceName: "toy",
        SettingsSection: "Toy",
        Description: "Fetch a day's toy posts.",
        CreateSource: services => new ToySource(services.Http(SourceHttpSettings.Read(services.Settings, "Toy", "toy")),
            services.Settings.Url("Toy", "ApiBaseUrl", "https://toy.invalid/")));
}

internal sealed class ToyPresenter : IPostPresenter
{
    public string Platform => ToyPlatform.Name;

    public string DisplayName => "Toy";

    public EngagementLabels Labels { get; } = new("boosts", "favourites");

    public string? Permalink(SocialPost post) => "https://toy.example/@" + Uri.EscapeDataString(post.AuthorHandle) + "/" + Uri.EscapeDataString(post.PostId);

    public string? WidgetClass => null;

    public string? EntityLink(PostEntity entity) => null;

    /// <summary>Nothing of this platform is cached: its posts are always rendered here.</summary>
    public bool AllowsCachedEmbed(string html) => false;

    public string RenderEmbed(SocialPost post, PresentContext context) =>
        $"<blockquote class=\"toy-post\"><p>{EmbedText.OneLine(WebUtility.HtmlEncode(post.Text))}</p>&mdash; @{WebUtility.HtmlEncode(post.AuthorHandle)}</blockquote>";
}

internal sealed class ToySource(HttpClient http, Uri baseUrl) : ISocialSource
{
    public string Platform => ToyPlatform.Name;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var day = request.Window.DateStr;
        var posts = await http.GetFromJsonAsync<List<ToyPost>>(new Uri(baseUrl, "posts?day=" + day), cancellationToken) ?? [];
        var kept = 0;
        request.Store.Write(tx =>
        {
            foreach (var post in posts)
            {
                var papers = ArxivIdFinders.Default.Find(post.Url);
                if (papers.Count == 0) continue;
                tx.Posts.Upsert(new SocialPost(ToyPlatform.Name, post.Id, post.Author, post.Author, request.Clock.GetUtcNow(), "en", "ltr", post.Text, []), PostSource.Api);
                tx.Posts.AddSnapshot(new EngagementSnapshot(ToyPlatform.Name, post.Id, post.Boosts, post.Favourites, request.Clock.GetUtcNow()));
                foreach (var paper in papers) tx.Posts.LinkArxiv(ToyPlatform.Name, post.Id, paper);
                kept++;
            }
        });
        return $"{day}: {posts.Count} posts, {kept} linking arXiv";
    }

    private sealed record ToyPost(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("author")] string Author,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("boosts")] int Boosts,
        [property: JsonPropertyName("favourites")] int Favourites);
}
