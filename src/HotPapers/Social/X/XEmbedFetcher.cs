using HotPapers.Domain;

namespace HotPapers.Social.X;

/// <summary>
/// oEmbed HTML for the X posts the post will show, cached per post: at most one request per shown post that has
/// none yet, never one per post read, and with <see cref="EmbedMode.Checked"/> one request a run while the local
/// renderer still matches X's HTML. A post oEmbed cannot give (deleted, refused by the allow-list, failed) is
/// rendered by the local snapshot renderer when the post is written.
/// </summary>
public sealed class XEmbedFetcher(XOEmbedClient client) : IEmbedFetcher
{
    private static readonly XPresenter Presenter = new();

    public Task<string> PrepareAsync(IReadOnlyList<SocialPost> shown, PresentContext context, EmbedMode mode, Action<string> log, CancellationToken cancellationToken) =>
        EmbedPreparation.RunAsync(shown, mode, context, Presenter, FetchAsync, log, cancellationToken);

    private async Task<FetchedEmbed> FetchAsync(SocialPost post, CancellationToken cancellationToken)
    {
        var result = await client.FetchAsync(post.AuthorHandle, post.PostId, cancellationToken).ConfigureAwait(false);
        return new FetchedEmbed(result is { Status: OEmbedStatus.Ok, Html: { } html } ? html : null, result.Detail);
    }
}
