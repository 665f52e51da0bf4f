using HotPapers.Domain;
using HotPapers.Ranking;
using HotPapers.Store;

namespace HotPapers.Pipeline;

/// <summary>
/// The window's candidates, loaded once and shared by the steps that rank them. Loading reads every post of the
/// window with its snapshots, so a run loads at most once per stage: <c>measure</c> loads and <c>embeds</c> ranks the
/// same load (measuring fixes each ranked paper's totals at the very numbers it ranked by, so the ranking cannot move);
/// <c>write</c> loads again (it must print the measured times and the embed HTML just fetched), and the run's summary
/// counts from that. Source steps read only the window's papers (and X its signal), never the whole load.
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
}
