using System.Threading.Channels;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>What importing one file did. <see cref="Problems"/> are <c>file:line: what is wrong</c>, one per bad part.</summary>
public sealed record TweetImportResult(string File, int Posts, int Snapshots, int Links, int Reposts, int WithoutPaper, IReadOnlyList<string> Problems);

/// <summary>
/// Imports tweet dumps into the store: each original post (as from the API: it replaces a post read from embed
/// HTML), a link to every paper it names, and a snapshot of its counts measured at <see cref="MeasuredAt"/>.
/// A plain repost is skipped (its counts are the original's). Posts are written in transactions of
/// <see cref="BatchSize"/> through prepared statements; a bad line is reported and skipped, the rest is kept.
/// Re-importing a file changes nothing: posts are upserts and a snapshot is keyed by post and time.
/// </summary>
public sealed class TweetImporter(HotPapersStore store)
{
    public int BatchSize { get; init; } = 5_000;

    /// <summary>When the counts in the files were taken. The dumps do not say; the CLI passes the file's modification time unless told.</summary>
    public Func<string, DateTimeOffset> MeasuredAt { get; init; } = file => new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);

    public TweetImportResult ImportFile(string path, TweetFormat? format = null)
    {
        var measuredAt = MeasuredAt(path);
        int reposts = 0, withoutPaper = 0;
        var problems = new List<string>();
        // Reading and parsing run beside the writing (two cores, two halves of the work); a bounded channel keeps
        // at most a few batches in memory however large the file.
        var batches = Channel.CreateBounded<List<TweetRecord>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                var batch = new List<TweetRecord>(BatchSize);
                foreach (var record in TweetFileReader.Read(path, format))
                {
                    if (record.Error is not null) problems.Add($"{path}:{record.Line}: {record.Error}");
                    else if (record.Tweet!.IsRepost) reposts++;
                    else if (!Papers(record).Any()) withoutPaper++;
                    else batch.Add(record);
                    if (batch.Count < BatchSize) continue;
                    await batches.Writer.WriteAsync(batch);
                    batch = new List<TweetRecord>(BatchSize);
                }
                if (batch.Count > 0) await batches.Writer.WriteAsync(batch);
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        });

        int posts = 0, snapshots = 0, links = 0;
        foreach (var batch in batches.Reader.ReadAllAsync().ToBlockingEnumerable())
        {
            store.Write(tx =>
            {
                using var writer = tx.CreateSocialBatchWriter();
                foreach (var record in batch)
                {
                    var tweet = record.Tweet!;
                    writer.UpsertPost(tweet.Post, PostSource.Api);
                    posts++;
                    foreach (var paper in Papers(record))
                    {
                        writer.RecordMention(paper, tweet.Post.Platform, tweet.Post.PostId);
                        links++;
                    }
                    if (tweet.Reposts is { } r && tweet.Likes is { } l)
                    {
                        writer.AddSnapshot(new EngagementSnapshot(tweet.Post.Platform, tweet.Post.PostId, r, l, measuredAt));
                        snapshots++;
                    }
                }
            });
        }
        reading.GetAwaiter().GetResult();
        return new TweetImportResult(path, posts, snapshots, links, reposts, withoutPaper, problems);
    }

    private static IEnumerable<ArxivId> Papers(TweetRecord record) =>
        record.Paper is { } paper ? record.Tweet!.Papers.Append(paper).Distinct() : record.Tweet!.Papers;
}
