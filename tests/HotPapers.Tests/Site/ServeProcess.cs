using System.Diagnostics;

namespace HotPapers.Tests.Site;

/// <summary>
/// <c>hotpapers serve --port 0</c> run as its own process, as a user would start it; the address is read from
/// the line it prints. Disposing stops exactly this process (by its id), never anything else.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServeProcess> StartAsync(string db, DateTimeOffset now)
    {
        var cli = typeof(HotPapers.Cli.HotPapersCli).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", cli, "--db", db, "--now", now.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture), "serve", "--port", "0" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start hotpapers serve");
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null) throw new InvalidOperationException($"hotpapers serve exited ({process.ExitCode}): {await stderr}");
                if (line.StartsWith("serving ", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
                    return new ServeProcess(process, new Uri(line.Split(' ')[1]));
                }
            }
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
        process.Dispose();
    }
}
