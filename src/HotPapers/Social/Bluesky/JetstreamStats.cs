namespace HotPapers.Social.Bluesky;

/// <summary>What a listener run (or one batch) did. Counts of likes, reposts and quotes are net: deletes subtract.</summary>
public sealed record JetstreamStats
{
    public long Events { get; init; }
    public long Batches { get; init; }
    public long PostsKept { get; init; }
    public long Likes { get; init; }
    public long Reposts { get; init; }
    public long Quotes { get; init; }
    public long Duplicates { get; init; }
    public long Malformed { get; init; }
    public long Snapshots { get; init; }
    public long Connections { get; init; }
    public long? Cursor { get; init; }

    public JetstreamStats Add(JetstreamStats batch) => this with
    {
        Events = Events + batch.Events,
        Batches = Batches + batch.Batches,
        PostsKept = PostsKept + batch.PostsKept,
        Likes = Likes + batch.Likes,
        Reposts = Reposts + batch.Reposts,
        Quotes = Quotes + batch.Quotes,
        Duplicates = Duplicates + batch.Duplicates,
        Malformed = Malformed + batch.Malformed,
        Snapshots = Snapshots + batch.Snapshots,
        Cursor = batch.Cursor ?? Cursor,
    };
}
