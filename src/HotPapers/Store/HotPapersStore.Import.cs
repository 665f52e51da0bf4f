using Npgsql;

namespace HotPapers.Store;

public sealed partial class HotPapersStore
{
    private const int ImportAttempts = 5;

    /// <summary>
    /// Writes one batch of imported posts in one transaction (<see cref="StoreTransaction.WriteSocialRows"/>).
    /// Importers running at once against PostgreSQL can still collide (a deadlock or serialization failure aborts
    /// one of them); the aborted batch wrote nothing and is simply written again.
    /// </summary>
    public void WriteSocialRows(IReadOnlyList<SocialImportRow> rows)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Write(tx => tx.WriteSocialRows(rows));
                return;
            }
            catch (PostgresException e) when (e.IsTransient && attempt < ImportAttempts)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt)); // let the other writer finish its batch
            }
        }
    }
}
