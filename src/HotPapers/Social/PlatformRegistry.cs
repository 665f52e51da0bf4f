using HotPapers.Configuration;
using HotPapers.Social.Bluesky;
using HotPapers.Social.HackerNews;
using HotPapers.Social.HuggingFace;
using HotPapers.Social.X;

namespace HotPapers.Social;

/// <summary>
/// The platforms HotPapers knows, in one place: <c>daily</c>'s steps, <c>collect NAME</c>, <c>render</c> and the
/// site all look platforms up here, so a new platform is one folder (presenter, source) and one line below.
/// A post of a platform nobody registered is shown by <see cref="UnknownPlatformPresenter"/>: as plain text, never
/// dressed as another platform's post.
/// </summary>
public sealed class PlatformRegistry
{
    public static PlatformRegistry Default { get; } = new(
    [
        XPlatform.Registration,
        BlueskyPlatform.Registration,
        HackerNewsPlatform.Registration,
        HuggingFacePlatform.Registration,
    ]);

    private readonly Dictionary<string, SocialPlatform> _byPlatform;
    private readonly Dictionary<string, SocialPlatform> _bySource;

    public PlatformRegistry(IEnumerable<SocialPlatform> platforms)
    {
        All = platforms.ToList();
        _byPlatform = All.ToDictionary(p => p.Platform, StringComparer.Ordinal);
        _bySource = All.ToDictionary(p => p.SourceName, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<SocialPlatform> All { get; }

    /// <summary>The same platforms and one more (tests add a toy platform this way).</summary>
    public PlatformRegistry With(SocialPlatform platform) => new(All.Append(platform));

    public IPostPresenter Presenter(string platform) =>
        _byPlatform.TryGetValue(platform, out var known) ? known.Presenter : new UnknownPlatformPresenter(platform);

    /// <summary>The platform whose source is called <paramref name="sourceName"/> (as in <c>Daily:Sources</c>).</summary>
    public SocialPlatform Source(string sourceName) =>
        _bySource.TryGetValue(sourceName, out var platform)
            ? platform
            : throw new SettingsException($"'{sourceName}' is not a source; the sources are {string.Join(", ", All.Select(p => p.SourceName))}");

    /// <summary>The platform stored under <paramref name="platform"/> (as in <c>Classic:Platforms</c>), by store name or source name.</summary>
    public SocialPlatform Platform(string platform) =>
        _byPlatform.TryGetValue(platform, out var known) || _bySource.TryGetValue(platform, out known)
            ? known
            : throw new SettingsException($"'{platform}' is not a platform; the platforms are {string.Join(", ", All.Select(p => p.Platform))}");
}
