namespace HotPapers.Http;

/// <summary>
/// One request at a time, and a quiet <c>spacing</c> between the end of one answer and the start of the next request
/// (arXiv's terms). It sits inside the retry policy, so retries pass it too; measured on the injected clock.
/// </summary>
public sealed class QuietTimeGate(TimeSpan spacing, TimeProvider time) : DelegatingHandler
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private long? _lastEnded;
    private int _requests;

    /// <summary>Requests sent through the gate so far, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await KeepSpacingAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _requests);
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                try
                {
                    // The answer ends with its last byte, not its headers.
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
                return response;
            }
            finally
            {
                _lastEnded = time.GetTimestamp();
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task KeepSpacingAsync(CancellationToken cancellation)
    {
        if (_lastEnded is not { } ended || spacing <= TimeSpan.Zero) return;
        await PreciseDelay.WaitAtLeastAsync(spacing - time.GetElapsedTime(ended), time, cancellation).ConfigureAwait(false);
    }
}
