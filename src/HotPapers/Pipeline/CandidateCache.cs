using HotPapers.Domain;
using HotPapers.Ranking;
using HotPapers.Store;

namespace HotPapers.Pipeline;

/// <summary>
/// The window's candidates, loaded once per run and shared by the steps that rank them: loading reads every post of
/// the window with its snapshots. The first step that ranks (<c>measure</c>) loads; each step that stores something
/// the candidates show patches them with exactly what it stored, so the next one sees what a reload would give:
/// <c>measure</c> the fixed totals and their times (<see cref="FixTotals"/>), <c>embeds</c> the shown posts' fields and
/// embed HTML (<see cref="RefreshPosts"/>), <c>write</c> the generation time. The run's summary counts from the same
/// load. Source steps read only the window's papers (and X its signal), never the whole load.
/// </summary>
public sealed class CandidateCache(HotPapersStore store, DigestWindow window, TimeZoneInfo zone)
{
    private DigestCandidates? _current;

    /// <summary>How many times the candidates were read from the store during this run.</summary>
    public int Loads { get; private set; }

    /// <summary>The candidates as last loaded (loaded now when nothing is loaded yet).</summary>
    public DigestCandidates Current() => _current ?? Reload();

    /// <summary>Reads the candidates again: for a step that must see what the steps before it stored.</summary>
    public DigestCandidates Reload()
    {
        Loads++;
        return _current = store.LoadCandidates(window, zone);
    }

    /// <summary>Replaces the loaded candidates with what a step knows it stored (the digest's generation time).</summary>
    public void Update(DigestCandidates candidates) => _current = candidates;

    /// <summary>
    /// What <c>measure</c> stored: these papers' totals fixed for the window, with the time they were measured (as
    /// <see cref="PaperTotals.Candidates"/> reads fixed totals back: the totals replace the sums, the posts stay).
    /// </summary>
    public void FixTotals(IReadOnlyDictionary<ArxivId, (int Reposts, int Likes, DateTime MeasuredAt)> fixedTotals)
    {
        if (_current is null || fixedTotals.Count == 0) return;
        _current = _current with
        {
            Papers = _current.Papers.Select(p => fixedTotals.TryGetValue(p.Paper.Id, out var t)
                ? new CandidatePaper(p.Paper, t.Reposts, t.Likes, t.MeasuredAt, p.Posts, TotalsFixed: true)
                : p).ToList(),
        };
    }

    /// <summary>What an embed fetcher may have stored for these posts: their fields (Bluesky authors named) and embed HTML.</summary>
    public void RefreshPosts(IEnumerable<(string Platform, string PostId)> posts)
    {
        if (_current is null) return;
        var fresh = new Dictionary<(string, string), (SocialPost Post, string? Html)>();
        foreach (var key in posts.Distinct())
            if (store.Posts.LoadPostWithEmbed(key.Platform, key.PostId) is { } row) fresh[key] = row;
        if (fresh.Count == 0) return;
        _current = _current with
        {
            Papers = _current.Papers.Select(p => p with
            {
                Posts = p.Posts.Select(c => fresh.TryGetValue((c.Post.Platform, c.Post.PostId), out var f) ? c with { Post = f.Post, StoredHtml = f.Html } : c).ToList(),
            }).ToList(),
        };
    }
}
