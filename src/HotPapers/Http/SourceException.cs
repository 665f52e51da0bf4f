namespace HotPapers.Http;

/// <summary>
/// A source (arXiv, X, Bluesky, Hacker News) could not give what was asked: the one type callers catch. The message is
/// one line naming the request (never a credential). <see cref="IsTransient"/> says whether asking again later may
/// work, as a database driver's <c>IsTransient</c> does for a database: true for 5xx, 408, 429, time-outs and dropped
/// connections; false for other 4xx, answers that cannot be read, and missing or refused credentials.
/// </summary>
public abstract class SourceException : Exception
{
    protected SourceException(string source, string message, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        SourceName = source;
        IsTransient = isTransient;
    }

    /// <summary>The source's short name, as the run log and the settings sections know it: <c>arxiv</c>, <c>x</c>, <c>bluesky</c>, <c>hn</c>.</summary>
    public string SourceName { get; }

    /// <summary>True when the same request may succeed later (the policy already retried it and gave up).</summary>
    public bool IsTransient { get; }

    /// <summary>The statuses a later attempt may turn into a success: 408, 429 and every 5xx.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>
    /// What escapes the policy when the network gave no answer: a connection that failed every attempt
    /// (<see cref="HttpRequestException"/>) or a time-out (<see cref="TaskCanceledException"/> while the caller's
    /// own token is not cancelled). Clients turn these into their <see cref="SourceException"/>.
    /// </summary>
    public static bool IsTransportFailure(Exception e, CancellationToken callerToken) =>
        e is HttpRequestException || (e is TaskCanceledException && !callerToken.IsCancellationRequested);
}
