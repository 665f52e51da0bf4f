using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social;

/// <summary>What a source is asked to collect: a window, the papers stored for it (crawl order), and where to put posts.</summary>
public sealed record SourceRequest(
    DigestWindow Window,
    IReadOnlyList<ArxivId> Papers,
    HotPapersStore Store,
    TimeProvider Clock,
    TimeZoneInfo Zone,
    Action<string> Log)
{
    /// <summary>
    /// Each paper's signal from the other platforms: the sum of the latest scores of the stored posts of every platform
    /// but this source's (Hacker News points, Daily Papers upvotes, Bluesky counts). A source with a budget (X) spends
    /// it on the papers with the most signal first. Papers without any are absent.
    /// </summary>
    public IReadOnlyDictionary<ArxivId, long> OtherPlatformsSignal { get; init; } = new Dictionary<ArxivId, long>();
}

/// <summary>
/// A social platform's collector: finds the posts linking a window's papers and stores each with its links and a
/// snapshot of its counts. Idempotent (a rerun after a crash adds nothing twice). Failures after the HTTP policy's
/// retries are thrown as a <see cref="Http.SourceException"/>; the returned line summarises what was read and stored.
/// </summary>
public interface ISocialSource
{
    string Platform { get; }

    /// <summary>The source pays per read (X): it is given each paper's signal on the other platforms to spend its budget by.</summary>
    bool SpendsBudget => false;

    Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Fetches the embed HTML a platform serves for posts about to be shown (X's and Bluesky's oEmbed), checks it and
/// caches it per post; a post it cannot fetch falls back to its presenter's local rendering, so this never fails a run.
/// <see cref="PrepareAsync"/> may also complete stored fields the embed needs (Bluesky author names).
/// </summary>
public interface IEmbedFetcher
{
    /// <returns>A one-line summary (fetched, cached, shown as snapshots).</returns>
    Task<string> PrepareAsync(IReadOnlyList<SocialPost> shown, PresentContext context, EmbedMode mode, Action<string> log, CancellationToken cancellationToken);
}
