using System.Collections.Concurrent;
using System.Diagnostics;

namespace HotPapers.Testing;

/// <summary>
/// The built <c>hotpapers</c> CLI run as its own process, as cron would start it. Output lines are collected as
/// they come so a test can act at a given point of the run (for example kill it with SIGKILL).
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _newLine = new(0);
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Enqueue(line);
                _newLine.Release();
            }
        });
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static CliProcess Start(string workingDir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var cli = typeof(HotPapers.Cli.HotPapersCli).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start hotpapers"));
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public int Id => _process.Id;

    /// <summary>Waits for a line containing <paramref name="text"/>; false if the process ends first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal))) return true;
            if (_process.HasExited && _stdout.IsCompleted) return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
            await _newLine.WaitAsync(TimeSpan.FromMilliseconds(50));
        }
        return false;
    }

    /// <summary>SIGKILL: no finally block, no flush, no cleanup runs in the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGKILL to the run and every process it started (git), as a service manager stops a unit.</summary>
    public void KillTree()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>
    /// Waits for the process to end and its output to close, all within <paramref name="timeout"/>: a process it
    /// started (git) that outlives it keeps the pipes open, and the test then fails saying so instead of hanging.
    /// </summary>
    public async Task<(int Code, string Output, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        try
        {
            await _stdout.WaitAsync(cancel.Token);
            return (_process.ExitCode, string.Join('\n', _lines), await _stderr.WaitAsync(cancel.Token));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"hotpapers (pid {_process.Id}) exited with {_process.ExitCode}, but its output was still open after {timeout.TotalSeconds:0} s: a process it started holds it");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
