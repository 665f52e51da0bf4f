using HotPapers.Store.Backends;

namespace HotPapers.Store;

/// <summary>
/// The writes of one unit of work, split like the store: <see cref="Papers"/>, <see cref="Posts"/> and
/// <see cref="Digests"/>. Every write is an upsert keyed by the natural key (paper id, platform and post id, …),
/// so repeating a unit of work changes nothing; snapshots are appended, keyed by their time.
/// </summary>
public sealed class StoreTransaction
{
    internal StoreTransaction(IStoreBackend backend, StoreSql sql)
    {
        Sql = sql;
        Papers = new PaperWrites(sql);
        Posts = new PostWrites(backend, sql);
        Digests = new DigestWrites(sql);
    }

    public PaperWrites Papers { get; }

    public PostWrites Posts { get; }

    public DigestWrites Digests { get; }

    /// <summary>
    /// Sends the writes of <paramref name="work"/> together instead of one by one (PostgreSQL: a few round trips
    /// instead of one per statement); reads and writes that report what they changed still run at once, after
    /// the writes before them. For a large unit of work of plain writes, such as importing a post.
    /// </summary>
    public void Batched(Action<StoreTransaction> work)
    {
        Sql.BeginBatch();
        work(this);
        Sql.EndBatch();
    }

    /// <summary>This transaction's SQL, for the platform state kept beside each platform.</summary>
    internal StoreSql Sql { get; }
}

/// <summary>Where a stored post came from: a platform's API, or read back from embed HTML.</summary>
public enum PostSource
{
    Api,
    Embed,
}
