using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// One post read from a tweet file: the post, where its fields came from, the papers it mentions, its counts when
/// the file had them, when they were measured when the file says so, and its embed HTML when the file kept it.
/// </summary>
public sealed record ImportedTweet(
    SocialPost Post,
    PostSource Source,
    IReadOnlyList<ArxivId> Papers,
    int? Reposts,
    int? Likes,
    DateTimeOffset? MeasuredAt,
    string? EmbedHtml = null)
{
    public bool HasCounts => Reposts is not null && Likes is not null;
}

/// <summary>A record of a tweet file that could not be read; printed as <c>file:line: what is wrong</c>.</summary>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What reading a file yields, in file order: a post, or a problem with one record.</summary>
public readonly record struct TweetReadItem(ImportedTweet? Tweet, ImportProblem? Problem);

/// <summary>Thrown by the format readers for a record they cannot read; the reader adds file and line.</summary>
internal sealed class TweetRecordException(string message) : FormatException(message);
