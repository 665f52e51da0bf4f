using System.Globalization;
using System.Text;
using HotPapers.Store.Backends;

namespace HotPapers.Pipeline;

/// <summary>Raised when another run holds the lock; the message names the holder.</summary>
public sealed class RunLockedException(string message) : Exception(message);

/// <summary>
/// One daily run at a time per store (<see cref="ForStore"/>). For a SQLite store, or with <c>Daily:LockFile</c>, the lock is an open, exclusively shared file: the operating system drops
/// it when the process ends however it ends (even SIGKILL), so a crash never leaves a stale lock behind. The file
/// stays in place between runs (deleting it would let two runs lock two different files). A file beside it,
/// <c>.holder</c>, names the holder (pid, host, start time) for the message a second run prints: the lock file
/// itself cannot be read while it is held.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream? _stream;
    private readonly PostgresRunLock? _advisory;

    private RunLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    private RunLock(PostgresRunLock advisory)
    {
        _advisory = advisory;
        Path = "";
    }

    /// <summary>The lock file; empty for a PostgreSQL store's advisory lock.</summary>
    public string Path { get; }

    /// <summary>
    /// The lock of the store <paramref name="db"/> (as given to <c>--db</c>): a file named <paramref name="lockFile"/>
    /// when one is set (<c>Daily:LockFile</c>); else, for PostgreSQL, a session advisory lock in that database, so
    /// that runs started from any directory or machine exclude each other; for SQLite, a file beside the database,
    /// by its canonical path (relative paths, <c>..</c> and symbolic links all name the same lock).
    /// </summary>
    public static RunLock ForStore(string db, string? lockFile, TimeProvider clock)
    {
        if (lockFile is not null) return Acquire(lockFile, clock);
        if (Store.HotPapersStore.IsPostgres(db)) return new RunLock(PostgresRunLock.Acquire(db, clock));
        return Acquire(CanonicalSqlitePath(db) + ".lock", clock);
    }

    /// <summary>The SQLite file of <paramref name="db"/> (a path or a connection string), absolute, with links resolved.</summary>
    public static string CanonicalSqlitePath(string db)
    {
        var full = SqliteBackend.FileOf(db) ?? System.IO.Path.GetFullPath(db);
        try
        {
            // The file and the folders above it may be links: the lock follows them to the one real file.
            var directory = System.IO.Path.GetDirectoryName(full)!;
            var realDirectory = Directory.Exists(directory) ? RealPath(new DirectoryInfo(directory)) : directory;
            var candidate = System.IO.Path.Combine(realDirectory, System.IO.Path.GetFileName(full));
            return File.Exists(candidate) && new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? System.IO.Path.GetFullPath(target.FullName)
                : candidate;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static string RealPath(DirectoryInfo directory)
    {
        if (directory.ResolveLinkTarget(returnFinalTarget: true) is { } target) return RealPath(new DirectoryInfo(target.FullName));
        return directory.Parent is { } parent ? System.IO.Path.Combine(RealPath(parent), directory.Name) : directory.FullName;
    }

    public static RunLock Acquire(string path, TimeProvider clock)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        FileStream stream;
        try
        {
            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new RunLockedException($"another run holds the lock {full}: {ReadHolder(full + ".holder")}");
        }
        var holder = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} on {Environment.MachineName} since {clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}");
        File.WriteAllText(full + ".holder", holder, new UTF8Encoding(false));
        return new RunLock(stream, full);
    }

    private static string ReadHolder(string path)
    {
        try
        {
            return File.ReadAllText(path) is { Length: > 0 } text ? text.Trim() : "holder unknown";
        }
        catch (IOException)
        {
            return "holder unknown";
        }
    }

    /// <summary>The holder note goes first (while the lock is still held, so it never erases a successor's note).</summary>
    public void Dispose()
    {
        if (_advisory is not null)
        {
            _advisory.Dispose();
            return;
        }
        try
        {
            File.Delete(Path + ".holder");
        }
        catch (IOException)
        {
            // Only a note for the next run's message; a lock released without it is still released.
        }
        _stream!.Dispose();
    }
}
