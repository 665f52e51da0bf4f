using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HotPapers.Store.Backends;

/// <summary>
/// The SQLite side of <see cref="PostWrites.Import"/>: the same single-row statements as
/// <see cref="PostWrites.Upsert"/>, <see cref="PostWrites.LinkArxiv"/> and <see cref="PostWrites.AddSnapshot"/>, row after row (so the same result), but prepared and bound through SQLite's own
/// API on the store's connection and transaction. Microsoft.Data.Sqlite spends several microseconds per execution
/// (parameter lookup by name, a data reader per statement), which was most of an import's time; binding by index
/// and stepping the statement directly costs a fraction of that. Posts are written before the links that
/// reference them. The statements are prepared once per connection and kept (preparing the upsert cost more than
/// writing a few rows, once per piece of an import).
/// </summary>
internal sealed class SqliteSocialBulk(SqliteConnection connection) : IDisposable
{
    private const string UpsertPost = """
        INSERT INTO social_posts (platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (platform, post_id) DO UPDATE SET author_handle = excluded.author_handle, author_name = excluded.author_name,
            created_at = excluded.created_at, lang = excluded.lang, dir = excluded.dir, text = excluded.text,
            entities = excluded.entities, repost_of = excluded.repost_of, source = excluded.source
        WHERE excluded.source = 'api' OR social_posts.source = 'embed'
        """;

    private const string RecordMention = """
        INSERT INTO post_arxiv_links (platform, post_id, arxiv_id) VALUES (?1, ?2, ?3)
        ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING
        """;

    private const string LinkPaper = """
        INSERT INTO paper_posts (arxiv_id, platform, post_id)
        SELECT p.arxiv_id, ?1, ?2 FROM papers p WHERE p.arxiv_id = ?3
        ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
        """;

    private const string PaperStored = "SELECT 1 FROM papers WHERE arxiv_id = ?1";

    private const string AddSnapshot = """
        INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (platform, post_id, measured_at) DO NOTHING
        """;

    private SqliteStatement? _post, _mention, _link, _stored, _snapshot;

    /// <param name="storedPapers">
    /// Whether a paper is stored, as found so far in this transaction: most papers a post links are not in the
    /// store (only announced ones are), and many posts link the same paper, so this is asked once per paper and
    /// transaction, and the link statement runs only for stored ones. The answer holds for the whole transaction:
    /// it holds the write lock, and an import adds no papers.
    /// </param>
    public void Write(IReadOnlyList<SocialImportRow> rows, Dictionary<string, bool> storedPapers)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        if (_post is null)
        {
            // A bulk import touches index pages all over (mentions by paper): a 64 MiB page cache instead of the default
            // 2 MiB keeps them in memory. It lasts for this connection only.
            raw.sqlite3_exec(db, "PRAGMA cache_size = -65536");
            // Checkpoint when the write-ahead log passes ~40 MiB instead of SQLite's default ~4 MiB: a batch rewrites
            // the same index pages, and each checkpoint copies them into the database file and syncs it, once per batch
            // at the default. This changes nothing about durability: a committed batch is in the log either way, and a
            // crash mid-import loses only the batch being written (the log is replayed on the next open).
            raw.sqlite3_exec(db, "PRAGMA wal_autocheckpoint = 10000");
            _post = new SqliteStatement(db, UpsertPost);
            _mention = new SqliteStatement(db, RecordMention);
            _link = new SqliteStatement(db, LinkPaper);
            _stored = new SqliteStatement(db, PaperStored);
            _snapshot = new SqliteStatement(db, AddSnapshot);
        }
        foreach (var row in rows)
        {
            var p = row.Post;
            _post.Text(1, p.Platform).Text(2, p.PostId).Text(3, p.AuthorHandle).Text(4, p.AuthorName).Text(5, row.CreatedAtText)
                .Text(6, p.Lang).Text(7, p.Dir).Text(8, p.Text).Text(9, row.EntitiesJson).Text(10, p.RepostOf).Text(11, row.SourceText).Run();
        }
        foreach (var row in rows)
            foreach (var paper in row.Papers)
            {
                _mention!.Text(1, row.Post.Platform).Text(2, row.Post.PostId).Text(3, paper.Value).Run();
                if (!storedPapers.TryGetValue(paper.Value, out var linkable))
                    storedPapers[paper.Value] = linkable = _stored!.Text(1, paper.Value).HasRow();
                if (linkable) _link!.Text(1, row.Post.Platform).Text(2, row.Post.PostId).Text(3, paper.Value).Run();
            }
        foreach (var row in rows)
            if (row.Snapshot is { } s)
                _snapshot!.Text(1, s.Platform).Text(2, s.PostId).Integer(3, s.Reposts).Integer(4, s.Likes).Text(5, row.MeasuredAtText).Run();
    }

    /// <summary>Finalizes the statements; before the connection closes.</summary>
    public void Dispose()
    {
        foreach (var statement in new[] { _post, _mention, _link, _stored, _snapshot }) statement?.Dispose();
        _post = _mention = _link = _stored = _snapshot = null;
    }
}
