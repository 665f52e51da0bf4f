using System.Net;

namespace HotPapers.Cli.Commands;

/// <summary>The HTTP client the source commands share: one per command run, made here at the composition root.</summary>
internal static class SourceHttp
{
    public static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("hotpapers/1.0 (+https://github.com/hotpapers)");
        return http;
    }
}
