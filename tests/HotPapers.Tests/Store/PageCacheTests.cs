using HotPapers.Social.Bluesky;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Store;

/// <summary>The SQLite page cache a store asks for: the default for batch work, a small one for the Jetstream listener.</summary>
public sealed class PageCacheTests
{
    [Fact]
    public void A_store_asks_sqlite_for_the_page_cache_it_was_opened_with()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "hotpapers.db");

        using (var batch = HotPapersStore.Open(path))
            Assert.Equal(-1024L * HotPapersStore.DefaultPageCacheMiB, Convert.ToInt64(batch.Sql.Scalar("PRAGMA cache_size"), System.Globalization.CultureInfo.InvariantCulture));
        using var listener = HotPapersStore.Open(path, JetstreamOptions.StorePageCacheMiB);
        Assert.Equal(-1024L * 8, Convert.ToInt64(listener.Sql.Scalar("PRAGMA cache_size"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
