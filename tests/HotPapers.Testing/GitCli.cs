using System.Diagnostics;

namespace HotPapers.Testing;

/// <summary>The git command line, for tests that set up and inspect blog repositories; a failing command throws with its stderr.</summary>
public static class GitCli
{
    public static string Run(string workingDir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
