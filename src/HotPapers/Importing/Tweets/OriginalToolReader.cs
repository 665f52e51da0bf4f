using System.Text.Json;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// The original Hot Papers tool's <c>papers_with_tweets.json</c> (docs/imports.md gives the shape): <c>meta</c>,
/// then <c>papers[]</c>, each with its <c>arxiv_id</c> and the <c>tweets[]</c> its search found. A tweet is either
/// the oEmbed HTML the post printed (<c>html</c>) with its counts (<c>retweet_count</c>, <c>favorite_count</c>), or a
/// v1.1 status object. Every tweet is linked to its paper (the search found it by that paper's URL, which the
/// embed hides behind t.co) and to any other paper it names. Counts were measured at <c>fetched_at</c> (the
/// tweet's, else its paper's, else <c>meta</c>'s).
/// </summary>
internal static class OriginalToolReader
{
    public static void Read(JsonScan scan, ReadOnlySpan<byte> bytes, RecordSink sink)
    {
        DateTimeOffset? fileTime = null;
        if (scan.Properties.TryGetValue("meta", out var meta))
        {
            sink.Line = 1;
            if (!TryTime(meta, "meta.fetched_at", sink, out fileTime)) return;
        }
        if (!scan.PropertyNames.Contains("papers"))
        {
            sink.Problem(1, "the document has no papers array");
            return;
        }
        foreach (var paper in scan.ItemsOf("papers"))
        {
            sink.Line = paper.Line;
            var where = $"papers[{paper.Index}]";
            if (paper.Element.ValueKind != JsonValueKind.Object)
            {
                sink.Problem($"{where} is {JsonValues.Kind(paper.Element)}, not a paper object");
                continue;
            }
            ArxivId id;
            try
            {
                var idText = JsonValues.String(paper.Element, "arxiv_id", where + ".arxiv_id") ?? throw new TweetRecordException(where + " has no arxiv_id");
                id = ArxivIdExtractor.TryExtract(idText, out var link) ? link.Id : throw new TweetRecordException($"{where}.arxiv_id '{idText}' is not an arXiv id");
            }
            catch (TweetRecordException e)
            {
                sink.Problem(e.Message);
                continue;
            }
            if (!TryTime(paper.Element, where + ".fetched_at", sink, out var paperTime)) continue;
            var inner = JsonScan.Scan(bytes[paper.Start..paper.End], paper.Line);
            foreach (var tweet in inner.ItemsOf("tweets"))
            {
                sink.Line = tweet.Line;
                ReadTweet(tweet.Element, id, paperTime ?? fileTime, $"{where}.tweets[{tweet.Index}]", sink);
            }
            if (inner.Properties.TryGetValue("tweets", out var notArray))
            {
                sink.Line = paper.Line;
                sink.Problem($"{where}.tweets is {JsonValues.Kind(notArray)}, not an array");
            }
        }
    }

    private static void ReadTweet(JsonElement tweet, ArxivId paper, DateTimeOffset? measuredAt, string where, RecordSink sink)
    {
        if (tweet.ValueKind != JsonValueKind.Object)
        {
            sink.Problem($"{where} is {JsonValues.Kind(tweet)}, not a tweet object");
            return;
        }
        if (!TryTime(tweet, where + ".fetched_at", sink, out var tweetTime)) return;
        measuredAt = tweetTime ?? measuredAt;
        try
        {
            if (JsonValues.String(tweet, "html", where + ".html") is { } fetchedHtml)
            {
                // The whole field becomes the post's cached embed, printed as is into posts: it must pass the same
                // allow-list as HTML fetched from oEmbed (oEmbed's trailing newline is dropped, as the client does).
                var html = fetchedHtml.TrimEnd('\n');
                var blockquote = html.Split('\n').FirstOrDefault(l => l.StartsWith("<blockquote", StringComparison.Ordinal))
                    ?? throw new TweetRecordException($"{where}.html has no <blockquote> line");
                SocialPost post;
                try
                {
                    post = TweetEmbedParser.Parse(blockquote);
                }
                catch (FormatException e)
                {
                    throw new TweetRecordException($"{where}.html: {e.Message}");
                }
                if (!OEmbedHtmlPolicy.IsAllowed(html, out var refused)) throw new TweetRecordException($"{where}.html is refused: {refused}");
                if (JsonValues.Id(tweet, "id") is { } id && id != post.PostId)
                    throw new TweetRecordException($"{where}.id {id} differs from the embed's status {post.PostId}");
                var reposts = JsonValues.Count(tweet, "retweet_count", where + ".retweet_count");
                var likes = JsonValues.Count(tweet, "favorite_count", where + ".favorite_count");
                var papers = ArxivIdExtractor.DistinctIds([paper.Value, post.Text, .. post.Entities.Select(e => e.Expanded)]);
                sink.Add(new ImportedTweet(post, PostSource.Embed, papers,
                    reposts is null || likes is null ? null : reposts, reposts is null || likes is null ? null : likes, measuredAt, html));
            }
            else
            {
                foreach (var read in XV1Reader.Convert(tweet, measuredAt, PostSource.Api, where + "."))
                    sink.Add(read with { Papers = ArxivIdExtractor.DistinctIds([paper.Value, .. read.Papers.Select(p => p.Value)]) });
            }
        }
        catch (TweetRecordException e)
        {
            sink.Problem(e.Message);
        }
    }

    private static bool TryTime(JsonElement element, string path, RecordSink sink, out DateTimeOffset? time)
    {
        time = null;
        string? text;
        try
        {
            text = element.ValueKind == JsonValueKind.Object ? JsonValues.String(element, "fetched_at", path) : null;
        }
        catch (TweetRecordException e)
        {
            sink.Problem(e.Message);
            return false;
        }
        if (text is null) return true;
        if (!XV2Reader.TryParseTime(text, out var at))
        {
            sink.Problem($"{path} '{text}' is not an ISO 8601 time");
            return false;
        }
        time = at;
        return true;
    }
}
