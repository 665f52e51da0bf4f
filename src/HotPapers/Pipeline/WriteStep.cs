using HotPapers.Publishing;
using HotPapers.Social;

namespace HotPapers.Pipeline;

/// <summary>
/// Writes the window's post into the content folder, atomically, and publishes it when asked. The generation time
/// is fixed in the store the first time, so a re-run writes the same bytes. An empty listing writes no file.
/// </summary>
public sealed class WriteStep(string contentDir, RenderOptions options, GitPublisher? publisher = null, PlatformRegistry? platforms = null) : IDailyStep
{
    public string Name => "write";

    public bool RunsEveryTime => true;

    public string? WrittenPath { get; private set; }

    public Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        // The run's one load, with what measure and embeds stored patched in (CandidateCache).
        var candidates = context.Candidates.Current();
        if (candidates.Papers.Count == 0)
            return Task.FromResult($"no papers were announced for {context.Window.DateStr}: no post written");
        if (candidates.GeneratedAt is null)
        {
            var now = TimeZoneInfo.ConvertTime(context.Clock.GetUtcNow(), context.Zone).DateTime;
            var generatedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Unspecified);
            context.Store.Write(tx => tx.Digests.Upsert(context.Window, generatedAt, "daily"));
            context.Candidates.Update(candidates = candidates with { GeneratedAt = generatedAt });
        }
        var renderer = new DigestRenderer(context.Store, context.Clock, context.Zone, platforms);
        WrittenPath = renderer.RenderToDirectory(context.Window, contentDir, options, candidates);
        if (publisher is null) return Task.FromResult($"wrote {WrittenPath}");
        var commit = publisher.Publish(WrittenPath);
        return Task.FromResult($"wrote {WrittenPath}, published as {commit[..Math.Min(12, commit.Length)]}");
    }
}
