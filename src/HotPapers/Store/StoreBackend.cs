namespace HotPapers.Store;

/// <summary>Which database is behind the store.</summary>
public enum StoreBackend
{
    Sqlite,
    Postgres,
}
