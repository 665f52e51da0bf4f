using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Readies the Bluesky posts about to be shown: authors known only by DID (Jetstream posts) get their handle and
/// display name from the public <c>getProfiles</c> (stored, so each is asked once), then, when fetching, each post
/// without a cached embed asks oEmbed once; what passes the allow-list is cached. A failure only logs a line: the
/// post is then shown with the local rendering of the same form.
/// </summary>
public sealed class BlueskyEmbedFetcher(BlueskyOEmbedClient oEmbed, BlueskyProfileClient profiles) : IEmbedFetcher
{
    public const string SourceName = "oembed";

    public async Task<string> PrepareAsync(IReadOnlyList<SocialPost> shown, PresentContext context, bool fetch, Action<string> log, CancellationToken cancellationToken)
    {
        var named = await NameAuthorsAsync(shown, context, log, cancellationToken).ConfigureAwait(false);
        if (!fetch) return string.Create(CultureInfo.InvariantCulture, $"{named} authors named, {shown.Count} shown as local renderings");
        int cached = 0, fetched = 0, local = 0;
        foreach (var post in shown)
        {
            if (context.Store.Posts.LoadEmbedHtml(post.Platform, post.PostId) is not null)
            {
                cached++;
                continue;
            }
            var result = await oEmbed.FetchAsync(post.PostId, cancellationToken).ConfigureAwait(false);
            if (result.Html is { } html)
            {
                context.Store.Write(tx => tx.Posts.UpsertEmbed(post.Platform, post.PostId, html, SourceName));
                fetched++;
            }
            else
            {
                local++;
                log($"{post.PostId}: {result.Detail}; the local rendering will be shown");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{named} authors named, {fetched} fetched, {cached} cached, {local} shown as local renderings");
    }

    /// <summary>
    /// Posts whose author has no display name or is known only by DID (Jetstream posts): look the DIDs up (25 a
    /// request, each once per run) and store the names.
    /// </summary>
    private async Task<int> NameAuthorsAsync(IReadOnlyList<SocialPost> shown, PresentContext context, Action<string> log, CancellationToken ct)
    {
        var unnamed = shown
            .Where(p => p.AuthorName.Length == 0 || p.AuthorHandle.StartsWith("did:", StringComparison.Ordinal))
            .Select(p => AtUri.TryParse(p.PostId, out var uri) ? uri.Did : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unnamed.Count == 0) return 0;
        IReadOnlyDictionary<string, BlueskyProfile> found;
        try
        {
            found = await profiles.GetAsync(unnamed, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BlueskyApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log($"authors: {e.Message}; posts keep their DID as author");
            return 0;
        }
        context.Store.Write(tx =>
        {
            foreach (var profile in found.Values) tx.Bluesky.SetAuthor(profile.Did, profile.Handle, profile.DisplayName);
        });
        return found.Count;
    }
}
