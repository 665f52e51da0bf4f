using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>What a post record says, read once for every source (searchPosts, Jetstream).</summary>
public sealed record BlueskyPostReading(
    SocialPost Post,
    AtUri Uri,
    IReadOnlyList<ArxivId> Papers,
    string? QuotedUri,
    bool HasEmbed);

/// <summary>
/// Turns an <c>app.bsky.feed.post</c> record into a <see cref="SocialPost"/>: plain text, facets converted from
/// UTF-8 byte offsets to code-point <see cref="PostEntity"/> offsets, and the arXiv papers it links through its
/// link facets, its external embed (also inside a quote-with-media) or its text. A link inside a quoted post is
/// not a link of this post.
/// </summary>
internal sealed class BlueskyPostReader(IArxivIdFinder finder)
{
    public BlueskyPostReading Read(AtUri uri, PostRecord record, string? handle, string? displayName, DateTimeOffset fallbackTime)
    {
        var text = record.Text ?? "";
        var entities = Entities(text, record.Facets);
        var created = BlueskyTime.TryParse(record.CreatedAt, out var at) ? at
            : BlueskyTime.TryFromTid(uri.Rkey, out var tid) ? tid : fallbackTime;
        var post = new SocialPost(
            BlueskyPlatform.Name, uri.ToString(),
            string.IsNullOrEmpty(handle) ? uri.Did : handle,
            displayName ?? "",
            created,
            record.Langs is [var lang, ..] ? lang : "",
            "auto",
            text,
            entities);
        return new BlueskyPostReading(post, uri, Papers(text, record), QuotedUri(record.Embed), record.Embed is not null);
    }

    /// <summary>
    /// What a string must contain, ignoring case, for the extractor to find a paper in it: every form of
    /// external-formats.md §3 has one (arXiv's own hosts, paths and DOI, "arXiv:" text, the mirrors' paths, and
    /// the overlays that do not say "arxiv": ar5iv, alphaXiv, Hugging Face's paper pages).
    /// </summary>
    internal static readonly string[] PaperMarkers = ["arxiv", "ar5iv", "alphaxiv", "huggingface.co/papers", "hf.co/papers"];

    /// <summary>Cheap test used on the firehose before a full read: could this record link a paper at all?</summary>
    public static bool MayLinkPaper(PostRecord record)
    {
        if (record.Text is { } text && HasPaperMarker(text)) return true;
        if (record.Facets is { } facets)
            foreach (var facet in facets)
                if (facet.Features is { } features)
                    foreach (var feature in features)
                        if (feature.Uri is { } u && HasPaperMarker(u)) return true;
        return ExternalUris(record.Embed).Any(HasPaperMarker);
    }

    private static bool HasPaperMarker(string s)
    {
        foreach (var marker in PaperMarkers)
            if (s.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static string? QuotedUri(RecordEmbed? embed) => embed?.Type switch
    {
        "app.bsky.embed.record" => embed.Record?.Uri,
        "app.bsky.embed.recordWithMedia" => embed.Record?.Record?.Uri,
        _ => null,
    };

    private IReadOnlyList<ArxivId> Papers(string text, PostRecord record)
    {
        var papers = new List<ArxivId>();
        void Add(string? s, bool isUrl)
        {
            if (string.IsNullOrEmpty(s)) return;
            foreach (var id in isUrl ? finder.FindInUrl(s) : finder.Find(s))
                if (!papers.Contains(id)) papers.Add(id);
        }
        // The same URL often appears as a facet and as the embed card; the list keeps each paper once.
        if (record.Facets is { } facets)
            foreach (var facet in facets)
                if (facet.Features is { } features)
                    foreach (var feature in features)
                        if (feature.Type == "app.bsky.richtext.facet#link") Add(feature.Uri, isUrl: true);
        foreach (var uri in ExternalUris(record.Embed)) Add(uri, isUrl: true);
        Add(text, isUrl: false);
        return papers;
    }

    private static IEnumerable<string> ExternalUris(RecordEmbed? embed)
    {
        if (embed?.External?.Uri is { } uri) yield return uri;
        if (embed?.Media?.External?.Uri is { } media) yield return media;
    }

    /// <summary>Facets as entities in code points, sorted; out-of-range, inverted or character-splitting facets are skipped.</summary>
    internal static IReadOnlyList<PostEntity> Entities(string text, List<Facet>? facets)
    {
        if (facets is null || facets.Count == 0) return [];
        var offsets = Utf8Offsets.Of(text);
        var entities = new List<PostEntity>();
        foreach (var facet in facets)
        {
            if (facet.Index is not { } index || facet.Features is not { Count: > 0 } features) continue;
            if (index.ByteEnd <= index.ByteStart) continue;
            if (!offsets.TryCodePoint(index.ByteStart, out var start) || !offsets.TryCodePoint(index.ByteEnd, out var end)) continue;
            var shown = text[offsets.ToUtf16(start)..offsets.ToUtf16(end)];
            foreach (var feature in features)
            {
                PostEntity? entity = feature.Type switch
                {
                    "app.bsky.richtext.facet#link" when feature.Uri is { Length: > 0 } u =>
                        new PostEntity(EntityKind.Url, start, end, u, shown == u ? null : shown),
                    "app.bsky.richtext.facet#mention" when feature.Did is { Length: > 0 } did =>
                        new PostEntity(EntityKind.Mention, start, end, did, shown),
                    "app.bsky.richtext.facet#tag" when feature.Tag is { Length: > 0 } tag =>
                        new PostEntity(EntityKind.Hashtag, start, end, tag, shown),
                    _ => null,
                };
                if (entity is not null) entities.Add(entity);
            }
        }
        return entities.OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
    }
}
