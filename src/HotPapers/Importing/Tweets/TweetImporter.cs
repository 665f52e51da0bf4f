using System.Collections.Concurrent;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Importing.Tweets;

/// <summary>How <see cref="TweetImporter"/> imports.</summary>
public sealed record TweetImportOptions
{
    /// <summary>Posts per transaction: a crash loses at most the batch being written, never a committed one.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Keep posts that link no arXiv paper too (by default they are counted and skipped).</summary>
    public bool KeepUnlinked { get; init; }

    /// <summary>
    /// When counts were measured for records whose file does not say (docs/imports.md); null: the file's last
    /// modification time, so re-importing an unchanged file adds no snapshot.
    /// </summary>
    public DateTimeOffset? MeasuredAt { get; init; }
}

/// <summary>What importing one file did.</summary>
public sealed record TweetFileResult(string File, TweetFormat? Format, int Posts, int Snapshots, int Links, int Unlinked, int BadLines);

/// <summary>
/// Streams tweet files into the store: a reader parses on one thread while batches of <see cref="TweetImportOptions.BatchSize"/>
/// posts are written on the caller's, each in one transaction (<see cref="HotPapersStore.WriteSocialRows"/>). Every
/// write is an upsert (posts by platform and id, links by post and paper, snapshots by post and measured time), so
/// importing a file again, or several importers writing the same posts at once, end in the same state.
/// </summary>
public sealed class TweetImporter(HotPapersStore store, TweetImportOptions? options = null)
{
    private readonly TweetImportOptions _options = options ?? new TweetImportOptions();

    public TweetFileResult ImportFile(string file, TweetFormat? format, Action<ImportProblem> report)
    {
        var measuredAt = _options.MeasuredAt ?? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        return Import(new TweetFileReader(file, format), file, measuredAt, report);
    }

    public TweetFileResult Import(TweetFileReader reader, string file, DateTimeOffset defaultMeasuredAt, Action<ImportProblem> report)
    {
        int posts = 0, snapshots = 0, links = 0, unlinked = 0, bad = 0;
        using var batches = new BlockingCollection<List<SocialImportRow>>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        var parsing = Task.Run(() =>
        {
            try
            {
                var batch = new List<SocialImportRow>(_options.BatchSize);
                foreach (var item in reader.Read())
                {
                    if (item.Problem is { } problem)
                    {
                        bad++;
                        report(problem);
                        continue;
                    }
                    var tweet = item.Tweet!;
                    if (tweet.Papers.Count == 0 && !_options.KeepUnlinked)
                    {
                        unlinked++;
                        continue;
                    }
                    var snapshot = tweet.HasCounts
                        ? new EngagementSnapshot(tweet.Post.Platform, tweet.Post.PostId, tweet.Reposts!.Value, tweet.Likes!.Value, tweet.MeasuredAt ?? defaultMeasuredAt)
                        : null;
                    batch.Add(new SocialImportRow(tweet.Post, tweet.Source, tweet.Papers, snapshot, tweet.EmbedHtml));
                    posts++;
                    links += tweet.Papers.Count;
                    if (snapshot is not null) snapshots++;
                    if (batch.Count >= _options.BatchSize)
                    {
                        batches.Add(batch, stop.Token);
                        batch = new List<SocialImportRow>(_options.BatchSize);
                    }
                }
                if (batch.Count > 0) batches.Add(batch, stop.Token);
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable()) store.Posts.Import(batch);
        }
        catch
        {
            stop.Cancel();
            try { parsing.Wait(); }
            catch (AggregateException) { /* the write failure is the one to report */ }
            throw;
        }
        parsing.GetAwaiter().GetResult();
        return new TweetFileResult(file, reader.Format, posts, snapshots, links, unlinked, bad);
    }
}
