using HotPapers.Social;

namespace HotPapers.Importing.Tweets;

/// <summary>
/// Collects what the readers make of one record (a line, or an element of a document), at that record's line.
/// Every reader's posts pass through <see cref="Add"/>, so this is where the fields the renderers print are checked
/// (<see cref="PostFieldRules"/>), counts are held to be non-negative, and embed HTML kept from the file is held to
/// the oEmbed allow-list: a record that fails is reported at its line and skipped, the rest of the file still reads.
/// </summary>
internal sealed class RecordSink(string file)
{
    public List<TweetReadItem> Items { get; } = [];

    public string File => file;

    /// <summary>The 1-based line where the current record starts.</summary>
    public int Line { get; set; } = 1;

    public void Add(ImportedTweet tweet)
    {
        if (Refusal(tweet) is { } why)
        {
            Problem($"tweet {tweet.Post.PostId}: {why}");
            return;
        }
        Items.Add(new TweetReadItem(tweet, null));
    }

    public void Problem(string message) => Items.Add(new TweetReadItem(null, new ImportProblem(file, Line, message)));

    public void Problem(int line, string message) => Items.Add(new TweetReadItem(null, new ImportProblem(file, line, message)));

    private static string? Refusal(ImportedTweet tweet)
    {
        if (PostFieldRules.Problem(tweet.Post) is { } problem) return problem;
        if (tweet.Reposts < 0 || tweet.Likes < 0) return $"negative counts (reposts {tweet.Reposts}, likes {tweet.Likes})";
        if (tweet.EmbedHtml is { } html && !Social.X.OEmbedHtmlPolicy.IsAllowed(html, out var reason)) return $"the embed HTML is refused: {reason}";
        return null;
    }
}
