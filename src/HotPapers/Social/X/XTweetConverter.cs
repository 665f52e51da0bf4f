using System.Globalization;
using HotPapers.Arxiv;
using HotPapers.Domain;

namespace HotPapers.Social.X;

/// <summary>A v2 tweet read into the domain: the post, its counts when the source had them, and the papers it mentions.</summary>
public sealed record XReadTweet(SocialPost Post, int? Reposts, int? Likes, IReadOnlyList<ArxivId> Papers)
{
    public bool IsRepost => Post.RepostOf is not null;
}

/// <summary>
/// Converts between X API v2 tweet objects and <see cref="SocialPost"/>, both ways. v2 text is HTML-escaped
/// (decoded here); entity offsets count code points of the decoded text. A source whose offsets count the escaped
/// text instead is recognised by its URL entities, which then only line up under that reading.
/// </summary>
public static class XTweetConverter
{
    private const string UnknownHandle = "i"; // x.com/i/status/<id> resolves any post when the author is unknown

    /// <summary>Every tweet of a response page (in <c>data</c> order), with authors joined from <c>includes.users</c>.</summary>
    public static List<XReadTweet> Read(XResponse response)
    {
        var users = new Dictionary<string, XUser>(StringComparer.Ordinal);
        foreach (var user in response.Includes?.Users ?? []) users.TryAdd(user.Id, user);
        var read = new List<XReadTweet>(response.Data?.Count ?? 0);
        foreach (var tweet in response.Data ?? [])
        {
            var author = tweet.Author ?? (tweet.AuthorId is { } id && users.TryGetValue(id, out var u) ? u : null);
            read.Add(Read(tweet, author));
        }
        return read;
    }

    public static XReadTweet Read(XTweet tweet, XUser? author)
    {
        if (string.IsNullOrEmpty(tweet.Id) || tweet.Id.AsSpan().ContainsAnyExceptInRange('0', '9'))
            throw new FormatException($"tweet id '{tweet.Id}' is not a number");
        var useNote = tweet.NoteTweet is { Text.Length: > 0 };
        var text = XText.Unescape(useNote ? tweet.NoteTweet!.Text : tweet.Text, out var map);
        var entities = Entities(useNote ? tweet.NoteTweet!.Entities : tweet.Entities, text, map);
        var lang = string.IsNullOrEmpty(tweet.Lang) ? "und" : tweet.Lang;
        var post = new SocialPost(
            SocialPost.X, tweet.Id,
            author?.Username is { Length: > 0 } handle ? handle : UnknownHandle,
            author?.Name ?? "",
            CreatedAt(tweet),
            lang, XText.DirOf(lang), text, entities,
            RetweetedId(tweet.ReferencedTweets));
        // The papers of the URL entities (expanded and unwound forms, read as URLs), then of the text (searched as
        // text), each once, first seen first.
        var papers = new List<ArxivId>();
        AddPapers(papers, tweet.Entities?.Urls);
        AddPapers(papers, tweet.NoteTweet?.Entities?.Urls);
        ArxivIdExtractor.AddDistinctIds(papers, text);
        return new XReadTweet(post, tweet.PublicMetrics?.Reposts, tweet.PublicMetrics?.LikeCount, papers);
    }

    private static void AddPapers(List<ArxivId> papers, List<XUrlEntity>? urls)
    {
        if (urls is null) return;
        foreach (var u in urls)
        {
            ArxivIdExtractor.AddDistinctIdsFromUrl(papers, u.ExpandedUrl);
            ArxivIdExtractor.AddDistinctIdsFromUrl(papers, u.UnwoundUrl);
        }
    }

    private static string? RetweetedId(List<XReferencedTweet>? referenced)
    {
        if (referenced is null) return null;
        foreach (var r in referenced)
            if (r.Type == "retweeted") return r.Id;
        return null;
    }

    private static DateTimeOffset CreatedAt(XTweet tweet)
    {
        if (tweet.CreatedAt is { } s && XTime.TryParse(s, out var at)) return at;
        if (Snowflake.TryGetCreatedAt(tweet.Id, out var fromId)) return fromId;
        throw new FormatException($"tweet {tweet.Id} has no created_at and its id carries no time");
    }

    private static List<PostEntity> Entities(XEntities? source, string text, int[]? escapedMap)
    {
        var entities = new List<PostEntity>();
        if (source is null) return entities;
        var offsets = CodePointOffsets.Of(text);
        var escaped = escapedMap is not null && source.Urls is { Count: > 0 } urls && OffsetsCountEscapedText(urls, text, offsets, escapedMap);

        foreach (var u in source.Urls ?? [])
        {
            var isMedia = u.MediaKey is not null || IsMediaDisplay(u.DisplayUrl);
            var (start, end) = LocateUrl(text, offsets, u.Url, At(u.Start, escaped, escapedMap), At(u.End, escaped, escapedMap));
            if (isMedia)
                entities.Add(new PostEntity(EntityKind.Media, start, end, u.Url, u.DisplayUrl));
            else
                entities.Add(new PostEntity(EntityKind.Url, start, end, u.Url, null, u.ExpandedUrl is { } e && e != u.Url ? e : null));
        }
        foreach (var h in source.Hashtags ?? []) entities.Add(new PostEntity(EntityKind.Hashtag, At(h.Start, escaped, escapedMap), At(h.End, escaped, escapedMap), h.Tag));
        foreach (var c in source.Cashtags ?? []) entities.Add(new PostEntity(EntityKind.Cashtag, At(c.Start, escaped, escapedMap), At(c.End, escaped, escapedMap), c.Tag));
        foreach (var m in source.Mentions ?? []) entities.Add(new PostEntity(EntityKind.Mention, At(m.Start, escaped, escapedMap), At(m.End, escaped, escapedMap), m.Username));

        // Keep what fits the text, in order, without overlaps: a truncated text (retweets) can cut entities off.
        SortByStart(entities);
        var kept = new List<PostEntity>(entities.Count);
        var cursor = 0;
        foreach (var entity in entities)
        {
            if (entity.Start < cursor || entity.End < entity.Start || entity.End > offsets.CodePointCount) continue;
            kept.Add(entity);
            cursor = entity.End;
        }
        return kept;
    }

    /// <summary>
    /// Whether the URL entities only line up with the text when their offsets count the escaped text (a source that
    /// counted <c>&amp;amp;</c> as five code points).
    /// </summary>
    private static bool OffsetsCountEscapedText(List<XUrlEntity> urls, string text, CodePointOffsets offsets, int[] escapedMap)
    {
        var allAtDecoded = true;
        foreach (var u in urls)
            if (Slice(text, offsets, u.Start, u.End) != u.Url) { allAtDecoded = false; break; }
        if (allAtDecoded) return false;
        foreach (var u in urls)
            if (!(u.Start < escapedMap.Length && u.End < escapedMap.Length && Slice(text, offsets, escapedMap[u.Start], escapedMap[u.End]) == u.Url)) return false;
        return true;
    }

    private static int At(int i, bool escaped, int[]? escapedMap) => escaped && i < escapedMap!.Length ? escapedMap[i] : i;

    /// <summary>By start, entities with equal starts kept in the order they came in (a stable sort; there are few).</summary>
    private static void SortByStart(List<PostEntity> entities)
    {
        for (var i = 1; i < entities.Count; i++)
        {
            var entity = entities[i];
            var j = i - 1;
            while (j >= 0 && entities[j].Start > entity.Start)
            {
                entities[j + 1] = entities[j];
                j--;
            }
            entities[j + 1] = entity;
        }
    }

    /// <summary>
    /// Where a t.co URL really stands: at its offsets when the text there is the URL, else at the occurrence of the URL
    /// nearest to them (hand-made and re-serialised data is sometimes off by one).
    /// </summary>
    private static (int Start, int End) LocateUrl(string text, CodePointOffsets offsets, string url, int start, int end)
    {
        if (url.Length == 0 || Slice(text, offsets, start, end) == url) return (start, end);
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var i = text.IndexOf(url, StringComparison.Ordinal); i >= 0; i = text.IndexOf(url, i + 1, StringComparison.Ordinal))
        {
            var cp = CodePointOffsets.Count(text.AsSpan(0, i));
            if (Math.Abs(cp - start) < bestDistance) (best, bestDistance) = (cp, Math.Abs(cp - start));
        }
        return best < 0 ? (start, end) : (best, best + CodePointOffsets.Count(url));
    }

    private static bool IsMediaDisplay(string? display) =>
        display is not null && (display.StartsWith("pic.twitter.com/", StringComparison.Ordinal) || display.StartsWith("pic.x.com/", StringComparison.Ordinal));

    private static string? Slice(string text, CodePointOffsets offsets, int start, int end)
    {
        if (start < 0 || end < start || end > offsets.CodePointCount) return null;
        var s = offsets.ToUtf16(start);
        return text[s..offsets.ToUtf16(end)];
    }

    /// <summary>
    /// The reverse: a post as an X API v2 response page holding just that tweet and its author. The author's
    /// numeric id is not known to a <see cref="SocialPost"/>; <paramref name="authorId"/> fills it when known,
    /// else the handle stands in for it (the join between tweet and user still holds).
    /// </summary>
    public static XResponse ToResponse(SocialPost post, int? reposts = null, int? likes = null, string? authorId = null)
    {
        var userId = authorId ?? post.AuthorHandle;
        var tweet = ToTweet(post, userId, reposts, likes);
        return new XResponse
        {
            Data = [tweet],
            Includes = new XIncludes { Users = [new XUser { Id = userId, Name = post.AuthorName, Username = post.AuthorHandle }] },
            Meta = new XMeta { NewestId = post.PostId, OldestId = post.PostId, ResultCount = 1 },
        };
    }

    public static XTweet ToTweet(SocialPost post, string authorId, int? reposts = null, int? likes = null)
    {
        var entities = new XEntities();
        foreach (var e in post.Entities)
        {
            switch (e.Kind)
            {
                case EntityKind.Url:
                    (entities.Urls ??= []).Add(new XUrlEntity
                    {
                        Start = e.Start, End = e.End, Url = e.Value, ExpandedUrl = e.Expanded ?? e.Value,
                        DisplayUrl = DisplayOf(e.Expanded ?? e.Value),
                    });
                    break;
                case EntityKind.Media:
                    (entities.Urls ??= []).Add(new XUrlEntity
                    {
                        Start = e.Start, End = e.End, Url = e.Value,
                        ExpandedUrl = e.Expanded ?? $"https://twitter.com/{post.AuthorHandle}/status/{post.PostId}/photo/1",
                        DisplayUrl = e.Display ?? "pic.twitter.com/" + e.Value[(e.Value.LastIndexOf('/') + 1)..],
                    });
                    break;
                case EntityKind.Hashtag:
                    (entities.Hashtags ??= []).Add(new XTagEntity { Start = e.Start, End = e.End, Tag = e.Value });
                    break;
                case EntityKind.Cashtag:
                    (entities.Cashtags ??= []).Add(new XTagEntity { Start = e.Start, End = e.End, Tag = e.Value });
                    break;
                case EntityKind.Mention:
                    (entities.Mentions ??= []).Add(new XMentionEntity { Start = e.Start, End = e.End, Username = e.Value });
                    break;
            }
        }
        var hasEntities = entities.Urls is not null || entities.Hashtags is not null || entities.Cashtags is not null || entities.Mentions is not null;
        return new XTweet
        {
            Id = post.PostId,
            Text = XText.Escape(post.Text),
            EditHistoryTweetIds = [post.PostId],
            CreatedAt = post.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            Lang = post.Lang,
            AuthorId = authorId,
            Entities = hasEntities ? entities : null,
            PublicMetrics = reposts is null && likes is null ? null : new XPublicMetrics { RetweetCount = reposts ?? 0, LikeCount = likes ?? 0 },
            ReferencedTweets = post.RepostOf is null ? null : [new XReferencedTweet { Type = "retweeted", Id = post.RepostOf }],
        };
    }

    private static string DisplayOf(string url)
    {
        var display = url.StartsWith("https://", StringComparison.Ordinal) ? url[8..] : url.StartsWith("http://", StringComparison.Ordinal) ? url[7..] : url;
        return display.Length > 26 ? display[..25] + "…" : display;
    }
}
