using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Readies the Bluesky posts about to be shown: authors known only by DID (Jetstream posts) get their handle and
/// display name from the public <c>getProfiles</c> (stored, so each is asked once), then the embeds as
/// <see cref="EmbedPreparation"/> gets them: what oEmbed gives and passes the allow-list is cached. A failure only
/// logs a line: the post is then shown with the local rendering of the same form.
/// </summary>
public sealed class BlueskyEmbedFetcher(BlueskyOEmbedClient oEmbed, BlueskyProfileClient profiles) : IEmbedFetcher
{
    private static readonly BlueskyPresenter Presenter = new();

    public async Task<string> PrepareAsync(IReadOnlyList<SocialPost> shown, PresentContext context, EmbedMode mode, Action<string> log, CancellationToken cancellationToken)
    {
        var named = await NameAuthorsAsync(shown, context, log, cancellationToken).ConfigureAwait(false);
        var embeds = await EmbedPreparation.RunAsync(shown, mode, context, Presenter, FetchAsync, log, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{named} authors named, {embeds}");
    }

    private async Task<FetchedEmbed> FetchAsync(SocialPost post, CancellationToken cancellationToken)
    {
        var result = await oEmbed.FetchAsync(post.PostId, cancellationToken).ConfigureAwait(false);
        return new FetchedEmbed(result.Html, result.Detail);
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
