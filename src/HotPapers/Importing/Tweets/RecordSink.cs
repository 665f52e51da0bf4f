namespace HotPapers.Importing.Tweets;

/// <summary>Collects what the readers make of one record (a line, or an element of a document), at that record's line.</summary>
internal sealed class RecordSink(string file)
{
    public List<TweetReadItem> Items { get; } = [];

    public string File => file;

    /// <summary>The 1-based line where the current record starts.</summary>
    public int Line { get; set; } = 1;

    public void Add(ImportedTweet tweet) => Items.Add(new TweetReadItem(tweet, null));

    public void Problem(string message) => Items.Add(new TweetReadItem(null, new ImportProblem(file, Line, message)));

    public void Problem(int line, string message) => Items.Add(new TweetReadItem(null, new ImportProblem(file, line, message)));
}
