using System.Runtime.InteropServices;

namespace HotPapers.Publishing.Site;

/// <summary>
/// Writes a new file into the full build's staging folder, which nobody else reads or writes until it is renamed into
/// place. <see cref="File.WriteAllBytes(string, byte[])"/> costs about eight system calls per file on Linux (open, two
/// <c>flock</c>s to emulate <see cref="FileShare"/>, <c>fstatfs</c>, a truncate to preallocate, <c>lseek</c>,
/// write, close); a staging folder needs no advisory lock and no preallocation, so on Linux this is open, write,
/// close through libc (33,579 files a build). Elsewhere, and if libc cannot be called, it falls back to .NET's own
/// handle without preallocation. The runtime's process-wide <c>System.IO.DisableFileLocking</c> switch would save the
/// locks too, but <see cref="Pipeline.RunLock"/> relies on <see cref="FileShare.None"/> being enforced.
/// </summary>
internal static class StagingFile
{
    private const int OWronly = 0x1;
    private const int OCreat = 0x40;
    private const int OExcl = 0x80;
    private const int OCloexec = 0x80000;
    private const int Eintr = 4;

    // open(2) is variadic; passing the mode as a plain third int is what the x86-64 and Linux AArch64 calling
    // conventions do for variadic ints, so the fast path is limited to those two.
    private static readonly bool Native = OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static volatile bool _nativeFailed;

    /// <summary>Creates <paramref name="path"/>, which must not exist yet, holding <paramref name="content"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        if (Native && !_nativeFailed)
        {
            try
            {
                WriteNative(path, content);
                return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _nativeFailed = true;
            }
        }
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize: 0);
        RandomAccess.Write(handle, content, 0);
    }

    private static void WriteNative(string path, ReadOnlySpan<byte> content)
    {
        int fd;
        do fd = Open(path, OWronly | OCreat | OExcl | OCloexec, Convert.ToInt32("666", 8));
        while (fd < 0 && Marshal.GetLastPInvokeError() == Eintr);
        if (fd < 0) throw Failure(path);
        try
        {
            while (!content.IsEmpty)
            {
                var written = Write(fd, ref MemoryMarshal.GetReference(content), content.Length);
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Eintr) continue;
                    throw Failure(path);
                }
                content = content[(int)written..];
            }
        }
        finally
        {
            // Linux releases the descriptor even when close reports an error; a failed write was reported above.
            if (Close(fd) < 0 && content.IsEmpty && Marshal.GetLastPInvokeError() != Eintr) throw Failure(path);
        }
    }

    private static IOException Failure(string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int fd, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
