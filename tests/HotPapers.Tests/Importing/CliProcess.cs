using System.Diagnostics;

namespace HotPapers.Tests.Importing;

/// <summary>The built <c>hotpapers</c> CLI run as a child process, as a user or a cron job would start it.</summary>
internal static class CliProcess
{
    public static Process Start(params string[] args)
    {
        var cli = typeof(HotPapers.Cli.HotPapersCli).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", cli }.Concat(args)) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start hotpapers");
    }

    /// <summary>Waits for the process, killing exactly it (by its own handle) when it overruns.</summary>
    public static async Task<(int Code, string Output, string Error)> FinishAsync(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            throw new TimeoutException($"hotpapers did not finish within {timeout}: {await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}
