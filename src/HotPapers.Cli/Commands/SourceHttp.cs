using System.Net;
using HotPapers.Http;

namespace HotPapers.Cli.Commands;

/// <summary>The HTTP clients of the source commands, made here at the composition root: one per command run, with its source's policy.</summary>
internal static class SourceHttp
{
    /// <summary>A client over the network with <paramref name="options"/>' retries and time-outs; waits are announced on <paramref name="log"/>.</summary>
    public static HttpClient Create(SourceHttpOptions options, Action<string> log) => SourceHttpClient.Create(options, Network(), log);

    /// <summary>The network itself, for a client that puts its own policy in front (arXiv's <c>ArxivHttp</c>).</summary>
    public static SocketsHttpHandler Network() => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
