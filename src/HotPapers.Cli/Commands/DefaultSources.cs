using HotPapers.Configuration;
using HotPapers.Social;

namespace HotPapers.Cli.Commands;

/// <summary>
/// The social sources a daily run collects, the platforms its post counts when <c>Classic:Platforms</c> is unset (null:
/// the classic <c>x</c>; source names are platform names to <c>Classic:Platforms</c>), and why, in one line.
/// </summary>
internal sealed record SourceChoice(IReadOnlyList<string> Sources, IReadOnlyList<string>? ClassicPlatforms, string Why)
{
    public string Line => $"sources: {string.Join(", ", Sources)} ({Why})";
}

/// <summary>
/// Which social sources <c>daily</c> uses when <c>Daily:Sources</c> does not say: X search is paid, so <c>x</c> only
/// when <c>X:BearerToken</c> is set; otherwise the free ones, Hacker News and Hugging Face Daily Papers, and Bluesky's
/// backfill when an account is set. <c>Classic:Platforms</c>, when unset, follows the same choice, so a run without an
/// X token still ranks and shows what it collected. Offline, a recording that lists the sources it was made with
/// (<c>sources.txt</c>) is replayed with them; a recording without that file was made with <c>x</c> (the seed days).
/// All of it is here, so the rest of the daily command only asks for the choice.
/// </summary>
internal static class DefaultSources
{
    public const string RecordedSourcesFile = "sources.txt";

    public static SourceChoice Choose(ISettings settings, bool offline, string replayDir)
    {
        if (settings.List("Daily", "Sources") is { } named)
        {
            // A named source that lacks its secret (x without a token) is refused by the pre-flight check, in its platform's words.
            // With x the post counts what the original counted (x); without it, what was collected (else it would be empty).
            var withX = named.Any(n => n.Equals("x", StringComparison.OrdinalIgnoreCase));
            return new SourceChoice(named, withX ? null : named, "Daily:Sources");
        }
        if (offline)
        {
            var file = Path.Combine(replayDir, RecordedSourcesFile);
            if (!File.Exists(file)) return new SourceChoice(["x"], null, $"offline: a recording without {RecordedSourcesFile} holds X search");
            var recorded = File.ReadAllText(file).Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new SourceChoice(recorded, recorded, $"offline: the sources {file} was recorded with");
        }
        if (settings.Get("X", "BearerToken") is not null) return new SourceChoice(["x"], null, "X:BearerToken is set");
        var free = new List<string> { "hn", "hf" };
        var why = "no X:BearerToken: the free sources";
        if (settings.Get("Bluesky", "Handle") is not null && settings.Get("Bluesky", "AppPassword") is not null) free.Add("bluesky");
        else why += "; bluesky needs Bluesky:Handle and Bluesky:AppPassword (listen bluesky needs no account)";
        return new SourceChoice(free, free, why);
    }
}
