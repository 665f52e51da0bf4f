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
/// posts are written on the caller's, each in one transaction. On SQLite a batch is handed over in small pieces
/// as it is parsed (<see cref="PostStore.ImportsInPieces"/>), so the rows die young instead of being promoted by
/// the garbage collector while a whole batch waits; the transaction still spans the whole batch. Every
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
        // Pieces of at most PieceSize posts go from the parsing thread to the writing one; the last piece of each
        // batch says so, and the writer commits there. Where the store takes a batch only whole, a piece is a batch.
        var pieceSize = store.Posts.ImportsInPieces ? Math.Min(PieceSize, _options.BatchSize) : _options.BatchSize;
        using var pieces = new BlockingCollection<Piece>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        var parsing = Task.Run(() =>
        {
            try
            {
                var piece = new List<SocialImportRow>(pieceSize);
                var inBatch = 0;
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
                    piece.Add(new SocialImportRow(tweet.Post, tweet.Source, tweet.Papers, snapshot, tweet.EmbedHtml));
                    posts++;
                    links += tweet.Papers.Count;
                    if (snapshot is not null) snapshots++;
                    inBatch++;
                    if (piece.Count >= pieceSize || inBatch >= _options.BatchSize)
                    {
                        var endsBatch = inBatch >= _options.BatchSize;
                        pieces.Add(new Piece(piece, endsBatch), stop.Token);
                        piece = new List<SocialImportRow>(pieceSize);
                        if (endsBatch) inBatch = 0;
                    }
                }
                // Only a parse that reached the end closes the last batch: after a failure it is not committed.
                pieces.Add(new Piece(piece, EndsBatch: true), stop.Token);
            }
            finally
            {
                pieces.CompleteAdding();
            }
        });
        try
        {
            using var next = pieces.GetConsumingEnumerable().GetEnumerator();
            while (next.MoveNext())
            {
                if (next.Current.EndsBatch && next.Current.Rows.Count == 0) continue;
                if (!store.Posts.ImportsInPieces)
                {
                    store.Posts.Import(next.Current.Rows);
                    continue;
                }
                store.Write(tx =>
                {
                    tx.Posts.Import(next.Current.Rows);
                    while (!next.Current.EndsBatch)
                    {
                        if (!next.MoveNext()) throw new ParseStoppedException(); // rolls the unfinished batch back
                        tx.Posts.Import(next.Current.Rows);
                    }
                });
            }
        }
        catch (ParseStoppedException)
        {
            // The parsing thread's own failure follows.
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

    /// <summary>Posts per hand-over when a batch goes in pieces: small enough to be written while still young.</summary>
    private const int PieceSize = 250;

    private readonly record struct Piece(List<SocialImportRow> Rows, bool EndsBatch);

    private sealed class ParseStoppedException : Exception;
}
