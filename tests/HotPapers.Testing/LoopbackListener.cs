using System.Net;
using System.Net.Sockets;

namespace HotPapers.Testing;

/// <summary>
/// Starts an <see cref="HttpListener"/> on a free loopback port. Asking the OS for a free port and then binding it is
/// a race when tests run in parallel (two servers can be handed the same port between probe and bind, and the
/// in-process listener then routes one test's requests to the other's server), so ports already handed out in
/// this process are never reused and a failed bind tries another.
/// </summary>
public static class LoopbackListener
{
    private static readonly HashSet<int> HandedOut = [];

    public static (HttpListener Listener, int Port) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = NewPort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A port nothing in this process will listen on (for testing what a client does with no server).</summary>
    public static int UnusedPort() => NewPort();

    private static int NewPort()
    {
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}
