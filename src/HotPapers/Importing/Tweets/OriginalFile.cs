using System.Text.Json;
using HotPapers.Domain;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// The original tool's <c>papers_with_tweets.json</c>: <c>{"meta": {...}, "papers": [{"id": "2106.05237", ...,
/// "tweets": [v1.1 status, ...]}]}</c>. The spec names the file but not its fields; this reader takes the paper id
/// from <c>id</c>, <c>arxiv_id</c> or an abs link in <c>url</c>, and each tweet as a v1.1 status (the original used
/// the v1.1 API). A tweet is linked to its paper even when its own text does not show the link: the original's
/// <c>url:</c> search found it through the expanded URL.
/// </summary>
public static class OriginalFile
{
    public static IEnumerable<TweetRecord> Read(JsonElement file, int line)
    {
        if (!file.TryGetProperty("papers", out var papers) || papers.ValueKind != JsonValueKind.Array)
            throw new FormatException("'papers' is not an array");
        var records = new List<TweetRecord>();
        var index = 0;
        foreach (var paper in papers.EnumerateArray())
        {
            index++;
            var idText = LegacyStatus.String(paper, "id") ?? LegacyStatus.String(paper, "arxiv_id") ?? LegacyStatus.String(paper, "url");
            ArxivId id;
            if (idText is null || !(ArxivId.TryParse(idText, out id, out _) || ArxivId.TryFromPaperUrl(idText, out id)))
            {
                records.Add(new TweetRecord(line, null, null, $"papers[{index - 1}]: no arXiv id in 'id', 'arxiv_id' or 'url'"));
                continue;
            }
            if (!paper.TryGetProperty("tweets", out var tweets) || tweets.ValueKind != JsonValueKind.Array) continue;
            var t = 0;
            foreach (var status in tweets.EnumerateArray())
            {
                try
                {
                    records.Add(TweetFileReader.One(line, LegacyStatus.ToV2(status), id));
                }
                catch (FormatException e)
                {
                    records.Add(new TweetRecord(line, null, null, $"papers[{index - 1}] ({id}) tweets[{t}]: {e.Message}"));
                }
                t++;
            }
        }
        return records;
    }
}
