using System.Diagnostics;
using System.Net.WebSockets;
using HotPapers.Social.Bluesky;

namespace HotPapers.Bench;

/// <summary>
/// The ceiling for the Jetstream listener (issue 14): the same server, the same frames (the same wanted collections),
/// read by a bare <see cref="ClientWebSocket"/> and thrown away: no parsing, no filtering, no store. Timed from the
/// connection to the last frame, like the listener's run.
/// </summary>
internal static class JetstreamDiscardCeiling
{
    public static async Task<(TimeSpan Elapsed, long Frames)> MeasureAsync(Uri url, long frames, CancellationToken ct)
    {
        var query = string.Join('&', new[] { BlueskyPlatform.PostCollection, BlueskyPlatform.LikeCollection, BlueskyPlatform.RepostCollection }
            .Select(c => "wantedCollections=" + Uri.EscapeDataString(c)));
        var target = new UriBuilder(url) { Query = query }.Uri;
        var buffer = new byte[64 * 1024];
        var watch = Stopwatch.StartNew();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(target, ct);
        long read = 0;
        while (read < frames)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) break;
            if (result.EndOfMessage) read++;
        }
        var elapsed = watch.Elapsed;
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        return (elapsed, read);
    }
}
