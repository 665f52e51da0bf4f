using System.Runtime.ExceptionServices;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HotPapers.Http;

/// <summary>
/// The resilience policy of a source, as a handler over a Polly pipeline: a total time-out around retries with
/// exponential back-off and jitter on 5xx, 408, 429 (unless the source handles it), dropped connections, attempts
/// that timed out (<see cref="AttemptTimeoutHandler"/>, further in) and answers a <see cref="SourceHttpClient.ResponseCheck"/>
/// could not read. Every wait is announced on the log first, with the reason, the request and the length — never a
/// header, so never a token.
/// </summary>
internal sealed class SourceRetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("HotPapers.Request");

    private readonly SourceHttpOptions _options;
    private readonly Action<string> _log;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SourceRetryHandler(SourceHttpOptions options, Action<string> log, HttpMessageHandler inner) : base(inner)
    {
        _options = options;
        _log = log;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.Time }
            .AddTimeout(options.EffectiveTotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                // The whole wait is computed (Backoff.Wait, so that Retry-After can lengthen it and MaxBackoff caps it)
                // and waited here, on the precise clock: Polly's own delay may end a fraction of a millisecond early,
                // and a Retry-After is a promise not to come back sooner.
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(TimeSpan.Zero),
                OnRetry = async args =>
                {
                    var wait = Backoff.Wait(options, args.AttemptNumber,
                        args.Outcome.Result is { } response ? Backoff.RetryAfter(response, options) : null, Random.Shared.NextDouble());
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    _log($"{options.Source}: {Problem(args.Outcome)} from {request.Method} {request.RequestUri}, " +
                         $"retry {args.AttemptNumber + 1} of {options.MaxRetries} in {Backoff.Seconds(wait)} s");
                    await PreciseDelay.WaitAtLeastAsync(wait, options.Time, args.Context.CancellationToken).ConfigureAwait(false);
                },
            });
        }
        _pipeline = builder.Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsRetryable(response),
        { Exception: HttpRequestException or AttemptTimeoutException or UnreadableResponseException } => true,
        _ => false,
    };

    private bool IsRetryable(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        return SourceException.IsTransientStatus(code) && (code != 429 || _options.RetryRateLimited);
    }

    private string Problem(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}"
            + (Backoff.RetryAfter(response, _options) is { } after ? $" (Retry-After {Backoff.Seconds(after)} s)" : ""),
        { Exception: AttemptTimeoutException e } => e.Message,
        { Exception: HttpRequestException e } => $"connection failed ({e.Message})",
        { Exception: UnreadableResponseException e } => e.Message,
        _ => "failed",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async ctx =>
            {
                attempts++;
                SourceHttpClient.SetAttempts(request, attempts);
                var response = await base.SendAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                if (!IsRetryable(response) && request.Options.TryGetValue(SourceHttpClient.ResponseCheck, out var check))
                {
                    try
                    {
                        await check(response, ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }
                }
                return response;
            }, context).ConfigureAwait(false);
        }
        // Callers know HttpClient's time-out: a TaskCanceledException whose inner exception is a TimeoutException.
        catch (AttemptTimeoutException e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"{e.Message} ({attempts} attempt(s))";
            throw new TaskCanceledException(message, new TimeoutException(message, e));
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"no complete answer within {Backoff.Seconds(e.Timeout)} s in all ({attempts} attempt(s))";
            throw new TaskCanceledException(message, new TimeoutException(message, e));
        }
        catch (UnreadableResponseException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
