using System.Data.Common;

namespace HotPapers.Store.Backends;

/// <summary>
/// The one place the store depends on which database it runs on: opening a connection, the migration lock,
/// opening a second connection to the same data, the bulk write of imported posts and which errors are worth a
/// retry. Everything else is SQL both databases accept, run through <see cref="StoreSql"/>.
/// </summary>
internal interface IStoreBackend : IDisposable
{
    StoreBackend Kind { get; }

    DbConnection Connection { get; }

    /// <summary>Serialises migration steps between processes, inside the step's transaction.</summary>
    void LockForMigration(StoreSql sql);

    /// <summary>A new connection to the same data, or null when a second connection would not see it (in-memory SQLite).</summary>
    IStoreBackend? OpenAnother();

    /// <summary>Writes a batch of imported posts (see <see cref="PostWrites.Import"/>) the fastest way this database offers.</summary>
    void WriteSocialRows(StoreSql sql, IReadOnlyList<SocialImportRow> rows);

    /// <summary>Whether <see cref="ExecuteBatch"/> sends statements together (otherwise they run one by one as called).</summary>
    bool CanBatch { get; }

    /// <summary>Runs these statements in order, in <paramref name="transaction"/>, together.</summary>
    void ExecuteBatch(DbConnection connection, DbTransaction? transaction, IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements);

    /// <summary>True for an error that aborted the transaction without fault of its own (deadlock, serialization).</summary>
    bool IsTransient(Exception error);
}
