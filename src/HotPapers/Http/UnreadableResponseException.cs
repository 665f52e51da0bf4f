namespace HotPapers.Http;

/// <summary>
/// Thrown by a <see cref="SourceHttpClient.ResponseCheck"/> when an answer arrived but cannot be read (a body cut off in
/// transit looks exactly like malformed XML): the policy asks again, and when it gives up the caller gets this
/// exception with the reader's own error inside.
/// </summary>
public sealed class UnreadableResponseException(Exception reason) : Exception(reason.Message, reason);
