using System.Globalization;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// <c>hotpapers serve --port 0</c> run as its own process, as a user would start it; the address is read from
/// the line it prints. Disposing stops exactly this process (and its children), never anything else.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly CliProcess _process;

    private ServeProcess(CliProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServeProcess> StartAsync(string db, DateTimeOffset now)
    {
        var process = CliProcess.Start(Environment.CurrentDirectory, null,
            "--db", db, "--now", now.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), "serve", "--port", "0");
        if (!await process.WaitForLineAsync("serving ", TimeSpan.FromSeconds(30)))
        {
            process.Dispose();
            throw new InvalidOperationException($"hotpapers serve did not start: {string.Join('\n', process.Lines)}");
        }
        var line = process.Lines.First(l => l.StartsWith("serving ", StringComparison.Ordinal));
        return new ServeProcess(process, new Uri(line.Split(' ')[1]));
    }

    public void Dispose() => _process.Dispose();
}
