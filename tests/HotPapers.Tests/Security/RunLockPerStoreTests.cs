using HotPapers.Pipeline;
using HotPapers.Store.Backends;
using Npgsql;
using HotPapers.Testing;

namespace HotPapers.Tests.Security;

/// <summary>
/// One daily run per store, however the store is named (issue 13, item 7): a SQLite store by its canonical path, a
/// PostgreSQL store by an advisory lock inside its database (the old lock file was relative to the working directory,
/// so two runs started from two directories both ran).
/// </summary>
public class RunLockPerStoreTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero));

    [Fact]
    public void Two_spellings_and_a_link_of_one_SQLite_store_share_one_lock()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("sub"));
        var db = dir.File("hotpapers.db");
        File.WriteAllText(db, "");
        var link = dir.File("link.db");
        File.CreateSymbolicLink(link, db);

        using (RunLock.ForStore(db, null, Clock))
        {
            Assert.Throws<RunLockedException>(() => RunLock.ForStore(Path.Combine(dir.Path, "sub", "..", "hotpapers.db"), null, Clock));
            Assert.Throws<RunLockedException>(() => RunLock.ForStore(link, null, Clock));
            Assert.Throws<RunLockedException>(() => RunLock.ForStore($"Data Source={link};Mode=ReadWriteCreate", null, Clock));
        }
        using var again = RunLock.ForStore(link, null, Clock);
        Assert.Equal(Path.GetFullPath(db) + ".lock", again.Path);
    }
}

public sealed class PostgresRunLockTests : IPostgresBacked
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2021, 6, 11, 9, 50, 30, TimeSpan.Zero));

    [StoreFact]
    public void A_second_run_on_the_same_database_is_refused_naming_the_holder_and_may_run_once_released()
    {
        using var database = TestPostgres.CreateDatabase();
        using (var first = RunLock.ForStore(database.ConnectionString, null, Clock))
        {
            Assert.Equal("", first.Path); // no file anywhere: the lock lives in the database
            var refused = Assert.Throws<RunLockedException>(() => RunLock.ForStore(database.ConnectionString, null, Clock));
            Assert.Contains($"hotpapers daily since 2021-06-11T09:50:30Z pid {Environment.ProcessId}", refused.Message);
        }
        using var again = RunLock.ForStore(database.ConnectionString, null, Clock);
    }

    // A run that starts the moment the previous one ended must not be refused: the lock is free when Dispose returns,
    // not only once the server's backend has exited after the client hung up. Watched from a session already open,
    // so no connection start-up gives the old backend time to go.
    [StoreFact]
    public void The_lock_is_free_as_soon_as_the_run_has_released_it()
    {
        using var database = TestPostgres.CreateDatabase();
        using var watcher = new NpgsqlConnection(database.ConnectionString);
        watcher.Open();
        using var held = new NpgsqlCommand($"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {PostgresRunLock.Key} AND classid = 0", watcher);
        for (var run = 0; run < 50; run++)
        {
            RunLock.ForStore(database.ConnectionString, null, Clock).Dispose();
            Assert.Equal(0L, held.ExecuteScalar());
        }
    }

    [StoreFact]
    public void Two_databases_on_one_server_do_not_exclude_each_other()
    {
        using var one = TestPostgres.CreateDatabase();
        using var two = TestPostgres.CreateDatabase();
        using var first = RunLock.ForStore(one.ConnectionString, null, Clock);
        using var second = RunLock.ForStore(two.ConnectionString, null, Clock);
    }
}
