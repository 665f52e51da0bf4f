using HotPapers.Importing;
using HotPapers.Publishing;
using HotPapers.Store;

namespace HotPapers.Tests.Support;

/// <summary>A fresh SQLite store in a temporary folder, optionally with seeds imported.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public StoreFixture()
    {
        DbPath = _dir.File("hotpapers.db");
        Store = HotPapersStore.Open(DbPath);
    }

    public string DbPath { get; }

    public HotPapersStore Store { get; }

    public TempDirectory Dir => _dir;

    public StoreFixture ImportSeed(string date)
    {
        var result = new PostArchiveImporter(Store).ImportFile(Seeds.PathOf(date));
        if (!result.Succeeded) throw new InvalidOperationException(result.Error);
        return this;
    }

    /// <summary>A renderer whose clock is pinned; the zone is UTC so results do not depend on the machine.</summary>
    public DigestRenderer Renderer(DateTimeOffset? now = null) =>
        new(Store, new FixedClock(now ?? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)), TimeZoneInfo.Utc);

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
