using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotPapers.Social.X;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// X as it answered for the seed's day: API v2 recent search (every post linking a paper named by a
/// <c>url:"id"</c> term, newest first, paged) and publish.twitter.com oEmbed (the seed's embed HTML, as fetched).
/// </summary>
public sealed partial class FakeX(SeedWorld world)
{
    public HttpResponseMessage? Answer(Uri url)
    {
        if (url.Host == "api.twitter.com" && url.AbsolutePath == "/2/tweets/search/recent") return Search(FakeArxiv.Query(url));
        if (url.Host == "publish.twitter.com" && url.AbsolutePath == "/oembed") return OEmbed(FakeArxiv.Query(url)["url"]);
        return null;
    }

    private HttpResponseMessage Search(Dictionary<string, string> query)
    {
        var papers = UrlTerm().Matches(query["query"]).Select(m => m.Groups["id"].Value).ToHashSet();
        var size = int.Parse(query["max_results"], CultureInfo.InvariantCulture);
        var skip = query.TryGetValue("next_token", out var token) ? int.Parse(token[1..], CultureInfo.InvariantCulture) : 0;
        var matching = world.Posts.Where(p => papers.Contains(p.Paper.Value)).OrderByDescending(p => long.Parse(p.Post.PostId, CultureInfo.InvariantCulture)).ToList();
        var page = matching.Skip(skip).Take(size).ToList();
        var response = new XResponse
        {
            Data = page.Select(p => XTweetConverter.ToTweet(p.Post, AuthorId(p.Post.AuthorHandle), p.Reposts, p.Likes)).ToList(),
            Includes = new XIncludes
            {
                Users = page.Select(p => p.Post).DistinctBy(p => p.AuthorHandle)
                    .Select(p => new XUser { Id = AuthorId(p.AuthorHandle), Name = p.AuthorName, Username = p.AuthorHandle }).ToList(),
            },
            Meta = new XMeta
            {
                ResultCount = page.Count,
                NewestId = page.FirstOrDefault()?.Post.PostId,
                OldestId = page.LastOrDefault()?.Post.PostId,
                NextToken = skip + size < matching.Count ? "p" + (skip + size).ToString(CultureInfo.InvariantCulture) : null,
            },
        };
        if (page.Count == 0) response.Data = null;
        var answer = Json(XJson.Serialize(response));
        answer.Headers.Add("x-rate-limit-limit", "450");
        answer.Headers.Add("x-rate-limit-remaining", "449");
        return answer;
    }

    private HttpResponseMessage OEmbed(string statusUrl)
    {
        var id = statusUrl[(statusUrl.LastIndexOf('/') + 1)..];
        var post = world.Posts.FirstOrDefault(p => p.Post.PostId == id && !p.IsFiller);
        if (post is null) return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>Not Found</html>", Encoding.UTF8, "text/html") };
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["url"] = statusUrl,
            ["author_name"] = post.Post.AuthorName,
            ["author_url"] = $"https://twitter.com/{post.Post.AuthorHandle}",
            ["html"] = post.EmbedHtml + "\n",
            ["width"] = 550,
            ["height"] = null,
            ["type"] = "rich",
            ["cache_age"] = "3153600000",
            ["provider_name"] = "Twitter",
            ["provider_url"] = "https://twitter.com",
            ["version"] = "1.0",
        });
        return Json(body);
    }

    /// <summary>The numeric author id is not in an embed; a stable number is derived from the handle (FNV-1a).</summary>
    private static string AuthorId(string handle)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in handle.ToLowerInvariant()) hash = (hash ^ c) * 1099511628211UL;
        return (hash % 1_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [GeneratedRegex("url:\"(?<id>[^\"]+)\"")]
    private static partial Regex UrlTerm();
}
