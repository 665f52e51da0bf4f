using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// The site tests' store backend: SQLite in the test classes themselves, PostgreSQL in the subclasses below, so
/// every site test runs on both (the PostgreSQL ones are skipped, with the reason, when no server is configured).
/// </summary>
public abstract class SiteStoreTests
{
    protected virtual StoreBackend Backend => StoreBackend.Sqlite;
}

public sealed class SitePagesPostgresTests : SitePagesTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}

public sealed class SiteCommandPostgresTests : SiteCommandTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}

public sealed class SiteEscapingPostgresTests : SiteEscapingTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}

public sealed class SiteFeedAndJsonPostgresTests : SiteFeedAndJsonTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
