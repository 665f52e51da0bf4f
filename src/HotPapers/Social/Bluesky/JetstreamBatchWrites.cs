using HotPapers.Domain;
using HotPapers.Store;
using HotPapers.Store.Backends;
using System.Data.Common;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// The statements the Jetstream listener runs for every relevant event, in one batch's transaction: event
/// identities, engagement rows, counter changes, kept posts and the papers they link. Same SQL and the same rows on every database; on SQLite they are
/// prepared once per batch and bound by position through SQLite's own API (<see cref="SqliteStatement"/>), which
/// took a batch's statement time from most of the listener's time to a fraction of it (docs/benchmarks-history.md).
/// </summary>
internal abstract class JetstreamBatchWrites : IDisposable
{
    public static JetstreamBatchWrites For(StoreTransaction tx) =>
        SqliteStatement.Supports(tx.Sql.Connection) ? new Sqlite(tx.Sql.Connection) : new PortableWrites(tx);

    /// <summary>
    /// Readies the store's connection for the listener. SQLite: checkpoint when the write-ahead log passes ~40 MiB
    /// instead of the default ~4 MiB. Every batch rewrites index pages all over (event identities and engagement
    /// keys are not in time order), so at the default nearly every commit also copied them into the database file
    /// and synced it. Durability is the same: a committed batch is in the log either way.
    /// </summary>
    public static void Prepare(HotPapersStore store)
    {
        if (store.Backend == StoreBackend.Sqlite) store.Sql.Run("PRAGMA wal_autocheckpoint = 10000");
    }

    /// <summary>The store's own statements, whatever the database (what SQLite's fast path must match row for row).</summary>
    public static JetstreamBatchWrites Portable(StoreTransaction tx) => new PortableWrites(tx);

    /// <summary>Remembers a like, repost or quote of a kept post; false when it was already counted.</summary>
    public abstract bool AddEngagement(string actorDid, string collection, string rkey, string subject);

    /// <summary>Forgets an engagement whose record was deleted; returns the post it had counted for, if any.</summary>
    public abstract string? RemoveEngagement(string actorDid, string collection, string rkey);

    /// <summary>Adds counted changes and marks the post as due for a snapshot.</summary>
    public abstract void AddCounts(string uri, long likes, long reposts, long quotes);

    /// <summary>Records that these events were applied (only identities not recorded yet: see <see cref="JetstreamState.MarkSeen"/>).</summary>
    public abstract void MarkSeen(IReadOnlyList<(string Key, long TimeUs)> events);

    /// <summary>Stores a post read from the stream (as <see cref="PostWrites.Upsert"/> with <see cref="PostSource.Api"/>).</summary>
    public abstract void UpsertPost(SocialPost post);

    /// <summary>Starts or goes on counting a post (<see cref="BlueskyPostWrites.KeepPost"/>).</summary>
    public abstract void KeepPost(string uri, string did, string? cid, bool hasEmbed, DateTimeOffset indexedAt);

    /// <summary>Records that a kept post links a paper (<see cref="PostWrites.LinkArxiv"/>).</summary>
    public abstract void LinkArxiv(string uri, ArxivId paper);

    /// <summary>Stops counting a post whose record was deleted (<see cref="BlueskyPostWrites.MarkDeleted"/>).</summary>
    public abstract void MarkDeleted(string uri);

    public virtual void Dispose()
    {
    }

    /// <summary>Any database: the store's own statements (<see cref="BlueskyPostWrites"/>, <see cref="JetstreamState"/>).</summary>
    private sealed class PortableWrites(StoreTransaction tx) : JetstreamBatchWrites
    {
        public override bool AddEngagement(string actorDid, string collection, string rkey, string subject) =>
            tx.Bluesky.AddEngagement(actorDid, collection, rkey, subject);

        public override string? RemoveEngagement(string actorDid, string collection, string rkey) =>
            tx.Bluesky.RemoveEngagement(actorDid, collection, rkey);

        public override void AddCounts(string uri, long likes, long reposts, long quotes) =>
            tx.Bluesky.AddCounts(uri, likes, reposts, quotes);

        public override void MarkSeen(IReadOnlyList<(string Key, long TimeUs)> events) => tx.Jetstream.MarkSeen(events);

        public override void UpsertPost(SocialPost post) => tx.Posts.Upsert(post, PostSource.Api);

        public override void KeepPost(string uri, string did, string? cid, bool hasEmbed, DateTimeOffset indexedAt) =>
            tx.Bluesky.KeepPost(uri, did, cid, hasEmbed, indexedAt);

        public override void LinkArxiv(string uri, ArxivId paper) => tx.Posts.LinkArxiv(BlueskyPlatform.Name, uri, paper);

        public override void MarkDeleted(string uri) => tx.Bluesky.MarkDeleted(uri);
    }

    /// <summary>
    /// SQLite: the store's own statement texts (<see cref="BlueskyPostWrites"/>), prepared on first use in the batch
    /// and bound by position: @did is 1, @collection 2, and so on, in order of first appearance.
    /// </summary>
    private sealed class Sqlite(DbConnection connection) : JetstreamBatchWrites
    {
        private SqliteStatement? _addEngagement;
        private SqliteStatement? _removeEngagement;
        private SqliteStatement? _addCounts;
        private SqliteStatement? _markSeen;
        private SqliteStatement? _upsertPost;
        private SqliteStatement? _keepPost;
        private SqliteStatement? _linkArxiv;
        private SqliteStatement? _linkStoredPaper;
        private SqliteStatement? _markDeleted;

        public override bool AddEngagement(string actorDid, string collection, string rkey, string subject) =>
            Prepared(ref _addEngagement, BlueskyPostWrites.AddEngagementSql).Text(1, actorDid).Text(2, collection).Text(3, rkey).Text(4, subject).Run() > 0;

        public override string? RemoveEngagement(string actorDid, string collection, string rkey) =>
            Prepared(ref _removeEngagement, BlueskyPostWrites.RemoveEngagementSql).Text(1, actorDid).Text(2, collection).Text(3, rkey).TextResult();

        public override void AddCounts(string uri, long likes, long reposts, long quotes) =>
            Prepared(ref _addCounts, BlueskyPostWrites.AddCountsSql).Integer(1, likes).Integer(2, reposts).Integer(3, quotes).Text(4, uri).Run();

        public override void MarkSeen(IReadOnlyList<(string Key, long TimeUs)> events)
        {
            if (events.Count == 0) return;
            var insert = Prepared(ref _markSeen, "INSERT INTO jetstream_seen (event_key, time_us) VALUES (?1, ?2)");
            foreach (var (key, timeUs) in events) insert.Text(1, key).Integer(2, timeUs).Run();
        }

        public override void UpsertPost(SocialPost post) =>
            Prepared(ref _upsertPost, PostWrites.UpsertSql)
                .Text(1, post.Platform).Text(2, post.PostId).Text(3, post.AuthorHandle).Text(4, post.AuthorName)
                .Text(5, StoreTime.Utc(post.CreatedAt)).Text(6, post.Lang).Text(7, post.Dir).Text(8, post.Text)
                .Text(9, StoreJson.Entities(post.Entities)).Text(10, post.RepostOf).Text(11, PostWrites.StoredSource(PostSource.Api)).Run();

        public override void KeepPost(string uri, string did, string? cid, bool hasEmbed, DateTimeOffset indexedAt) =>
            Prepared(ref _keepPost, BlueskyPostWrites.KeepPostSql)
                .Text(1, uri).Text(2, did).Text(3, cid).Integer(4, hasEmbed ? 1 : 0).Text(5, StoreTime.Utc(indexedAt)).Run();

        public override void LinkArxiv(string uri, ArxivId paper)
        {
            Prepared(ref _linkArxiv, PostWrites.LinkArxivSql).Text(1, BlueskyPlatform.Name).Text(2, uri).Text(3, paper.Value).Run();
            // @paper comes first in this text, so it is 1 here.
            Prepared(ref _linkStoredPaper, PostWrites.LinkStoredPaperSql).Text(1, paper.Value).Text(2, BlueskyPlatform.Name).Text(3, uri).Run();
        }

        public override void MarkDeleted(string uri) => Prepared(ref _markDeleted, BlueskyPostWrites.MarkDeletedSql).Text(1, uri).Run();

        private SqliteStatement Prepared(ref SqliteStatement? statement, string sql) => statement ??= new SqliteStatement(connection, sql);

        public override void Dispose()
        {
            _addEngagement?.Dispose();
            _removeEngagement?.Dispose();
            _addCounts?.Dispose();
            _markSeen?.Dispose();
            _upsertPost?.Dispose();
            _keepPost?.Dispose();
            _linkArxiv?.Dispose();
            _linkStoredPaper?.Dispose();
            _markDeleted?.Dispose();
        }
    }
}
