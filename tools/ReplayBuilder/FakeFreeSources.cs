using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// Hacker News (Algolia <c>search_by_date</c>) and Hugging Face Daily Papers as they "were" on a seed's day, for a
/// recording made with the free sources only. Real: the papers (ids, titles) of the seed. Made up: every count, user
/// and id, derived from the seed's totals so the day ranks as the seed did: each paper is on Daily Papers with
/// upvotes = (R+F)/5, and the seed's top three papers are Hacker News stories with points = (R+F)/3 (Daily Papers
/// did not exist in 2021; the day is a rehearsal, not history).
/// </summary>
public sealed class FakeFreeSources(SeedWorld world)
{
    public HttpResponseMessage? Answer(Uri url)
    {
        if (url.Host == "hn.algolia.com" && url.AbsolutePath == "/api/v1/search_by_date")
            return Json(Algolia(url));
        if (url.Host == "huggingface.co" && url.AbsolutePath == "/api/daily_papers")
            return Json(DailyPapers(FakeArxiv.Query(url)["date"]));
        return null;
    }

    private long DayStart => new DateTimeOffset(world.Seed.Window.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>The stories of the slice asked for (<c>created_at_i</c> bounds in <c>numericFilters</c>), one page.</summary>
    private string Algolia(Uri url)
    {
        var filters = FakeArxiv.Query(url)["numericFilters"].Split(',');
        var from = long.Parse(filters[0].Split(">=")[1], CultureInfo.InvariantCulture);
        var to = long.Parse(filters[1].Split('<')[1], CultureInfo.InvariantCulture);
        var hits = new JsonArray();
        foreach (var paper in world.Seed.Papers.Where(p => p.Rank <= 3))
        {
            var created = DayStart + 3600 * (4 + 5 * paper.Rank);
            if (created < from || created >= to) continue;
            hits.Add(new JsonObject
            {
                ["created_at"] = DateTimeOffset.FromUnixTimeSeconds(created).ToString("yyyy-MM-ddTHH:mm:ss.000Z", CultureInfo.InvariantCulture),
                ["title"] = paper.Paper.Title,
                ["url"] = $"https://arxiv.org/abs/{paper.Paper.Id}",
                ["author"] = $"hn_reader_{paper.Rank}",
                ["points"] = (paper.Reposts + paper.Likes) / 3,
                ["num_comments"] = (paper.Reposts + paper.Likes) / 20,
                ["story_id"] = 27_460_000 + paper.Rank,
                ["created_at_i"] = created,
                ["_tags"] = new JsonArray("story", $"author_hn_reader_{paper.Rank}", $"story_{27_460_000 + paper.Rank}"),
                ["objectID"] = (27_460_000 + paper.Rank).ToString(CultureInfo.InvariantCulture),
            });
        }
        return new JsonObject
        {
            ["hits"] = hits, ["nbHits"] = hits.Count, ["page"] = 0, ["nbPages"] = hits.Count == 0 ? 0 : 1, ["hitsPerPage"] = 200,
            ["exhaustiveNbHits"] = true, ["query"] = "arxiv.org", ["params"] = url.Query.TrimStart('?'), ["processingTimeMS"] = 3,
        }.ToJsonString();
    }

    /// <summary>Every paper of the seed on the day's Daily Papers page, most upvoted first, as the site lists them.</summary>
    private string DailyPapers(string date)
    {
        var entries = new JsonArray();
        if (date != world.Seed.Window.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) return entries.ToJsonString();
        foreach (var paper in world.Seed.Papers.OrderBy(p => p.Rank))
        {
            var submitted = $"{date}T{1 + paper.Rank % 20:D2}:{paper.Rank * 7 % 60:D2}:00.000Z";
            var submitter = new JsonObject { ["_id"] = $"replay{paper.Rank:D4}", ["fullname"] = "Daily Papers Replay", ["name"] = "hotpapers_replay", ["type"] = "user" };
            entries.Add(new JsonObject
            {
                ["paper"] = new JsonObject
                {
                    ["id"] = paper.Paper.Id.Value,
                    ["authors"] = new JsonArray(paper.Paper.Authors.Select(a => (JsonNode)new JsonObject { ["name"] = a, ["hidden"] = false }).ToArray()),
                    ["publishedAt"] = $"{world.Seed.Window.Start.AddDays(-1):yyyy-MM-dd}T17:59:59.000Z",
                    ["submittedOnDailyAt"] = submitted,
                    ["title"] = paper.Paper.Title,
                    ["summary"] = paper.Paper.Abstract,
                    ["upvotes"] = (paper.Reposts + paper.Likes) / 5,
                    ["discussionId"] = $"replaydiscussion{paper.Rank:D4}",
                    ["submittedOnDailyBy"] = new JsonObject { ["_id"] = $"replay{paper.Rank:D4}", ["fullname"] = "Daily Papers Replay", ["user"] = "hotpapers_replay", ["type"] = "user" },
                },
                ["publishedAt"] = submitted,
                ["title"] = paper.Paper.Title,
                ["numComments"] = 0,
                ["submittedBy"] = submitter,
                ["isAuthorParticipating"] = false,
            });
        }
        return entries.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
