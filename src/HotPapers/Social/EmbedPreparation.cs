using System.Globalization;
using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>What a platform's oEmbed gave for one post: allowed HTML, or null and the reason in one line.</summary>
public sealed record FetchedEmbed(string? Html, string Detail);

/// <summary>
/// The loop every embed fetcher shares (<see cref="EmbedMode"/>): cached embeds are kept, and the others are fetched
/// once and cached, or rendered locally, or — in <see cref="EmbedMode.Checked"/> — rendered locally once the first
/// fetched post has shown that the local rendering is exactly what the platform serves today. The check runs on a
/// real answer in every run, so a change of the platform's HTML is caught the day it happens and costs one request.
/// A rerun of a day cut short checks against the answer its first run cached, so it repeats no request and caches
/// nothing the first run would not have.
/// </summary>
public static class EmbedPreparation
{
    public const string SourceName = "oembed";

    public static async Task<string> RunAsync(
        IReadOnlyList<SocialPost> shown,
        EmbedMode mode,
        PresentContext context,
        IPostPresenter presenter,
        Func<SocialPost, CancellationToken, Task<FetchedEmbed>> fetch,
        Action<string> log,
        CancellationToken cancellationToken)
    {
        if (mode == EmbedMode.Snapshot) return $"{shown.Count} shown as local renderings";
        int cached = 0, fetched = 0, local = 0;
        // Null until an oEmbed answer (fetched now, or cached by an earlier run) has been compared: then true (render
        // the rest locally) or false (fetch them all).
        bool? localIsExact = mode == EmbedMode.Checked ? null : false;
        string check = "";
        foreach (var post in shown)
        {
            if (context.Store.Posts.LoadEmbed(post.Platform, post.PostId) is { } cachedEmbed)
            {
                cached++;
                // An answer oEmbed gave earlier (a rerun of a day cut short) checks the local rendering as well as a
                // new one, so a rerun makes no request for the check and caches nothing more than the first run.
                if (localIsExact is null && cachedEmbed.Source == SourceName) Check(post, cachedEmbed.Html, "oEmbed's cached answer");
                continue;
            }
            if (localIsExact == true)
            {
                local++;
                continue;
            }
            var result = await fetch(post, cancellationToken).ConfigureAwait(false);
            if (result.Html is not { } html)
            {
                local++;
                log($"{post.PostId}: {result.Detail}; the local rendering will be shown");
                continue;
            }
            context.Store.Write(tx => tx.Posts.UpsertEmbed(post.Platform, post.PostId, html, SourceName));
            fetched++;
            if (localIsExact is null) Check(post, html, "oEmbed's");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{fetched} fetched, {cached} cached, {local} shown as local renderings{check}");

        void Check(SocialPost post, string html, string served)
        {
            var rendered = presenter.RenderEmbed(post, context);
            localIsExact = rendered == html;
            check = localIsExact.Value
                ? $"; the local rendering of {post.PostId} equals {served}, so the others are rendered locally"
                : $"; the local rendering of {post.PostId} differs from {served}, so every shown post is fetched";
            if (!localIsExact.Value) log($"{post.PostId}: the local rendering differs from {served}: {FirstDifference(html, rendered)}");
        }
    }

    /// <summary>Where two embeds first differ, with a little of each around it (embeds are usually one long line).</summary>
    public static string FirstDifference(string served, string rendered)
    {
        var at = served.AsSpan().CommonPrefixLength(rendered);
        var from = Math.Max(0, at - 30);
        string Around(string s) => s.Length <= at ? "<end>" : s[from..Math.Min(s.Length, at + 50)];
        return string.Create(CultureInfo.InvariantCulture, $"at character {at + 1}: oEmbed «{Around(served)}», local «{Around(rendered)}»");
    }
}
