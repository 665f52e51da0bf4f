using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Domain;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.Tests.Social.X;

/// <summary>A clock tests move by hand; waiting on it (through the injected delay) just moves it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() => Now;

    public Task Delay(TimeSpan span, CancellationToken _)
    {
        Waits.Add(span);
        Now += span;
        return Task.CompletedTask;
    }
}

/// <summary>
/// A fake X API v2 recent search, served from an HttpMessageHandler: it knows a few posts per paper, answers
/// <c>url:"id"</c> OR-queries, honours <c>max_results</c> and <c>next_token</c>, and can be told to answer 429.
/// </summary>
internal sealed partial class FakeXServer(ManualClock clock) : HttpMessageHandler
{
    public const string Token = "sekrit-bearer-token-123";

    private readonly Dictionary<string, List<XTweet>> _byPaper = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XUser> _users = new(StringComparer.Ordinal);

    public List<Uri> Requests { get; } = [];
    public int TooManyRequestsLeft { get; set; }
    public int ResetAfterSeconds { get; set; } = 120;
    public int MaxQueryLengthSeen { get; private set; }
    public int PostsServed { get; private set; }

    public static List<ArxivId> Papers(int count) =>
        Enumerable.Range(1, count).Select(i => ArxivId.Parse(string.Create(CultureInfo.InvariantCulture, $"2106.{i:D5}"))).ToList();

    public void AddPosts(ArxivId paper, int count, bool retweet = false, int firstLikes = 10)
    {
        var list = _byPaper.TryGetValue(paper.Value, out var l) ? l : _byPaper[paper.Value] = [];
        for (var k = 0; k < count; k++)
        {
            var n = _byPaper.Values.Sum(v => v.Count) + 1;
            var id = (1402427601033916416L + n * 4194304L).ToString(CultureInfo.InvariantCulture);
            var user = new XUser { Id = "9" + n.ToString(CultureInfo.InvariantCulture), Name = $"Reader {n}", Username = $"reader{n}" };
            _users[user.Id] = user;
            const string tco = "https://t.co/abcdefghij";
            list.Add(new XTweet
            {
                Id = id,
                Text = retweet ? $"RT @someone: paper &amp; code {tco}" : $"Paper &amp; code {tco}",
                AuthorId = user.Id,
                CreatedAt = "2021-06-09T00:49:30.000Z",
                Lang = "en",
                PublicMetrics = new XPublicMetrics { RetweetCount = 3 + k, LikeCount = firstLikes + k },
                ReferencedTweets = retweet ? [new XReferencedTweet { Type = "retweeted", Id = "1402427601033916416" }] : null,
                Entities = new XEntities
                {
                    Urls = [new XUrlEntity
                    {
                        Start = retweet ? 30 : 17, End = retweet ? 53 : 40, Url = tco,
                        ExpandedUrl = $"https://arxiv.org/abs/{paper.Value}", DisplayUrl = $"arxiv.org/abs/{paper.Value}",
                    }],
                },
            });
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        if (request.Headers.Authorization?.ToString() != "Bearer " + Token)
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("{\"title\":\"Unauthorized\"}") });
        var reset = clock.Now.ToUnixTimeSeconds() + ResetAfterSeconds;
        if (TooManyRequestsLeft > 0)
        {
            TooManyRequestsLeft--;
            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{\"title\":\"Too Many Requests\"}") };
            limited.Headers.Add("x-rate-limit-limit", "450");
            limited.Headers.Add("x-rate-limit-remaining", "0");
            limited.Headers.Add("x-rate-limit-reset", reset.ToString(CultureInfo.InvariantCulture));
            return Task.FromResult(limited);
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var q = query["query"]!;
        MaxQueryLengthSeen = Math.Max(MaxQueryLengthSeen, q.Length);
        var maxResults = int.Parse(query["max_results"]!, CultureInfo.InvariantCulture);
        if (maxResults is < 10 or > 100) return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest));
        var offset = query["next_token"] is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 0;
        var matches = UrlTerm().Matches(q).Select(m => m.Groups[1].Value)
            .SelectMany(id => _byPaper.TryGetValue(id, out var l) ? l : [])
            .ToList();
        var page = matches.Skip(offset).Take(maxResults).ToList();
        PostsServed += page.Count;
        var response = new XResponse
        {
            Data = page.Count == 0 ? null : page,
            Includes = page.Count == 0 ? null : new XIncludes { Users = page.Select(p => _users[p.AuthorId!]).Distinct().ToList() },
            Meta = new XMeta
            {
                ResultCount = page.Count,
                NextToken = offset + page.Count < matches.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null,
            },
        };
        var ok = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(XJson.Serialize(response), Encoding.UTF8, "application/json") };
        ok.Headers.Add("x-rate-limit-limit", "450");
        ok.Headers.Add("x-rate-limit-remaining", "449");
        ok.Headers.Add("x-rate-limit-reset", reset.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(ok);
    }

    [GeneratedRegex("url:\"([^\"]+)\"")]
    private static partial Regex UrlTerm();
}

internal static class StoreFixture
{
    public static HotPapersStore WithPapers(IEnumerable<ArxivId> ids, DateOnly listingDate)
    {
        var store = HotPapersStore.Open($"Data Source=file:{Guid.NewGuid():N}?mode=memory&cache=shared");
        store.Write(tx =>
        {
            var order = 0;
            foreach (var id in ids)
                tx.Papers.Upsert(new Paper(id, "Title " + id, ["A. Author"], [new Subject("cs.LG")], "Abstract.", $"https://arxiv.org/abs/{id}",
                    $"https://arxiv.org/pdf/{id}", listingDate, ++order));
        });
        return store;
    }
}
