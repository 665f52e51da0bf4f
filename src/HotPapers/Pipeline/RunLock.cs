using System.Globalization;
using System.Text;

namespace HotPapers.Pipeline;

/// <summary>Raised when another run holds the lock; the message names the holder.</summary>
public sealed class RunLockedException(string message) : Exception(message);

/// <summary>
/// One daily run at a time per store. The lock is an open, exclusively shared file: the operating system drops
/// it when the process ends however it ends (even SIGKILL), so a crash never leaves a stale lock behind. The file
/// stays in place between runs (deleting it would let two runs lock two different files). A file beside it,
/// <c>.holder</c>, names the holder (pid, host, start time) for the message a second run prints: the lock file
/// itself cannot be read while it is held.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

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
        try
        {
            File.Delete(Path + ".holder");
        }
        catch (IOException)
        {
            // Only a note for the next run's message; a lock released without it is still released.
        }
        _stream.Dispose();
    }
}
