using Polly;
using Polly.Timeout;

namespace HotPapers.Http;

/// <summary>
/// One attempt's time-out, body included: the answer is read into memory before the attempt ends, so a connection
/// that drops or stalls halfway through the body is one more failed attempt for the retry policy to handle, not an
/// error after it.
/// </summary>
internal sealed class AttemptTimeoutHandler : DelegatingHandler
{
    private readonly ResiliencePipeline _timeout;

    public AttemptTimeoutHandler(TimeSpan timeout, TimeProvider time, HttpMessageHandler inner) : base(inner) =>
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(timeout).Build();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _timeout.ExecuteAsync(async ct =>
            {
                var response = await base.SendAsync(request, ct).ConfigureAwait(false);
                try
                {
                    await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
                return response;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            // Told apart from the total time-out further out, which Polly reports with the same exception type.
            throw new AttemptTimeoutException(e.Timeout, e);
        }
    }
}

/// <summary>One attempt got no complete answer within <see cref="Timeout"/>; the retry policy handles it.</summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout, Exception inner)
    : TimeoutException($"no answer within {Backoff.Seconds(timeout)} s", inner)
{
    public TimeSpan Timeout { get; } = timeout;
}
