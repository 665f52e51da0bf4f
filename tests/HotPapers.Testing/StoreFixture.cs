using HotPapers.Importing;
using HotPapers.Publishing;
using HotPapers.Store;

namespace HotPapers.Testing;

/// <summary>A fresh store (SQLite in a temporary folder, or a PostgreSQL database of its own), optionally with seeds imported.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestDatabase? _postgres;

    public StoreFixture(StoreBackend backend = StoreBackend.Sqlite)
    {
        if (backend == StoreBackend.Postgres)
        {
            _postgres = TestPostgres.CreateDatabase();
            DbPath = _postgres.ConnectionString;
        }
        else
        {
            DbPath = _dir.File("hotpapers.db");
        }
        Store = HotPapersStore.Open(DbPath);
    }

    /// <summary>What <c>--db</c> would say: the SQLite file, or the PostgreSQL connection string.</summary>
    public string DbPath { get; }

    /// <summary>Another connection to the same store, as a second process would have.</summary>
    public HotPapersStore OpenAnother() => HotPapersStore.Open(DbPath);

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
        _postgres?.Dispose();
        _dir.Dispose();
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
