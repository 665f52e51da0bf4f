using System.Collections.Concurrent;

namespace HotPapers.Pipeline;

/// <summary>Counts the HTTP requests a run makes, per service (host), for the run's summary.</summary>
public sealed class RequestCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, int> _byService = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, int> ByService => _byService;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _byService.AddOrUpdate(request.RequestUri?.Host ?? "?", 1, (_, n) => n + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
