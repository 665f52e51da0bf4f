using System.CommandLine;
using HotPapers.Cli.Serve;

namespace HotPapers.Cli.Commands;

/// <summary><c>hotpapers serve [--port N]</c>: the site, live from the store, on 127.0.0.1.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Settings> settings)
    {
        var port = OptionValues.WholeNumber("--port", "The loopback port (0 picks a free one).", () => 5080);
        var shared = new SiteOptionsFactory();
        var command = new Command("serve", "Serve the HTML archive and its JSON from the store on 127.0.0.1, computed per request.") { port };
        shared.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            var (options, problem) = shared.Read(parsed, settings());
            if (options is null || parsed.GetValue(port) is < 0 or > 65535)
            {
                error.WriteLine($"hotpapers: {problem ?? "--port must be between 0 and 65535"}");
                return HotPapersCli.BadUsage;
            }
            if (GlobalOptions.MissingStore(parsed.GetRequiredValue(GlobalOptions.Db)) is { } missing)
            {
                await error.WriteLineAsync($"hotpapers: serve: {missing}");
                return HotPapersCli.Failure;
            }
            var zone = settings().TimeZone(); // the zone every command uses (Daily:TimeZone)
            try
            {
                await using var server = await SiteServer.StartAsync(parsed.GetRequiredValue(GlobalOptions.Db), parsed.GetValue(port),
                    GlobalOptions.Clock(parsed, zone), zone, options, cancel);
                await output.WriteLineAsync($"serving {server.Address} (Ctrl+C to stop)");
                await output.FlushAsync(cancel);
                await server.WaitAsync(cancel);
                return HotPapersCli.Success;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"hotpapers: serve: {e.Message}");
                return HotPapersCli.Failure;
            }
        });
        return command;
    }
}
