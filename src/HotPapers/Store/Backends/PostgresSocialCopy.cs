using Npgsql;
using NpgsqlTypes;

namespace HotPapers.Store.Backends;

/// <summary>
/// The PostgreSQL side of <see cref="PostWrites.Import"/>: binary COPY of the batch into temporary
/// tables, then one INSERT … SELECT … ON CONFLICT per target table. Within a batch the rows are merged the way
/// the row-by-row statements would merge them (see each statement), so both backends end in the same state.
/// Rows are inserted in key order, so concurrent importers take row locks in the same order and do not deadlock
/// on each other's overlapping batches.
/// </summary>
internal static class PostgresSocialCopy
{
    private const string CreateTables = """
        CREATE TEMP TABLE IF NOT EXISTS import_posts (
            seq INTEGER NOT NULL, platform TEXT NOT NULL, post_id TEXT NOT NULL, author_handle TEXT NOT NULL, author_name TEXT NOT NULL,
            created_at TEXT NOT NULL, lang TEXT NOT NULL, dir TEXT NOT NULL, text TEXT NOT NULL, entities TEXT NOT NULL,
            repost_of TEXT NULL, source TEXT NOT NULL) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS import_mentions (platform TEXT NOT NULL, post_id TEXT NOT NULL, arxiv_id TEXT NOT NULL) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS import_snapshots (
            seq INTEGER NOT NULL, platform TEXT NOT NULL, post_id TEXT NOT NULL, reposts INTEGER NOT NULL, likes INTEGER NOT NULL,
            measured_at TEXT NOT NULL) ON COMMIT DELETE ROWS;
        """;

    // Row by row, an 'api' row always overwrites and an 'embed' row only overwrites an 'embed' row; so the row that
    // survives a batch is its last 'api' row, or its last row when it has no 'api' row. That row is merged with the
    // same condition as the single-row upsert.
    private const string MergePosts = """
        INSERT INTO social_posts (platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source)
        SELECT DISTINCT ON (platform, post_id) platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source
        FROM import_posts
        ORDER BY platform, post_id, (source = 'api') DESC, seq DESC
        ON CONFLICT (platform, post_id) DO UPDATE SET author_handle = excluded.author_handle, author_name = excluded.author_name,
            created_at = excluded.created_at, lang = excluded.lang, dir = excluded.dir, text = excluded.text,
            entities = excluded.entities, repost_of = excluded.repost_of, source = excluded.source
        WHERE excluded.source = 'api' OR social_posts.source = 'embed';
        """;

    private const string MergeMentions = """
        INSERT INTO post_arxiv_links (platform, post_id, arxiv_id)
        SELECT DISTINCT platform, post_id, arxiv_id FROM import_mentions ORDER BY platform, post_id, arxiv_id
        ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING;
        INSERT INTO paper_posts (arxiv_id, platform, post_id)
        SELECT DISTINCT p.arxiv_id, m.platform, m.post_id FROM import_mentions m JOIN papers p ON p.arxiv_id = m.arxiv_id
        ORDER BY p.arxiv_id, m.platform, m.post_id
        ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING;
        """;

    // Row by row the first measurement of a key wins (DO NOTHING); so does the first row of the key here.
    private const string MergeSnapshots = """
        INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at)
        SELECT DISTINCT ON (platform, post_id, measured_at) platform, post_id, reposts, likes, measured_at
        FROM import_snapshots
        ORDER BY platform, post_id, measured_at, seq
        ON CONFLICT (platform, post_id, measured_at) DO NOTHING;
        """;

    public static void Write(NpgsqlConnection connection, IReadOnlyList<SocialImportRow> rows)
    {
        if (rows.Count == 0) return;
        Execute(connection, CreateTables);
        var mentions = 0;
        var snapshots = 0;
        using (var copy = connection.BeginBinaryImport(
            "COPY import_posts (seq, platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var post = rows[i].Post;
                copy.StartRow();
                copy.Write(i, NpgsqlDbType.Integer);
                copy.Write(post.Platform, NpgsqlDbType.Text);
                copy.Write(post.PostId, NpgsqlDbType.Text);
                copy.Write(post.AuthorHandle, NpgsqlDbType.Text);
                copy.Write(post.AuthorName, NpgsqlDbType.Text);
                copy.Write(rows[i].CreatedAtText, NpgsqlDbType.Text);
                copy.Write(post.Lang, NpgsqlDbType.Text);
                copy.Write(post.Dir, NpgsqlDbType.Text);
                copy.Write(post.Text, NpgsqlDbType.Text);
                copy.Write(rows[i].EntitiesJson, NpgsqlDbType.Text); // made on the parsing thread
                if (post.RepostOf is null) copy.WriteNull();
                else copy.Write(post.RepostOf, NpgsqlDbType.Text);
                copy.Write(rows[i].SourceText, NpgsqlDbType.Text);
                mentions += rows[i].Papers.Count;
                if (rows[i].Snapshot is not null) snapshots++;
            }
            copy.Complete();
        }
        if (mentions > 0)
        {
            using var copy = connection.BeginBinaryImport("COPY import_mentions (platform, post_id, arxiv_id) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
                foreach (var paper in row.Papers)
                {
                    copy.StartRow();
                    copy.Write(row.Post.Platform, NpgsqlDbType.Text);
                    copy.Write(row.Post.PostId, NpgsqlDbType.Text);
                    copy.Write(paper.Value, NpgsqlDbType.Text);
                }
            copy.Complete();
        }
        if (snapshots > 0)
        {
            using var copy = connection.BeginBinaryImport("COPY import_snapshots (seq, platform, post_id, reposts, likes, measured_at) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Snapshot is not { } s) continue;
                copy.StartRow();
                copy.Write(i, NpgsqlDbType.Integer);
                copy.Write(s.Platform, NpgsqlDbType.Text);
                copy.Write(s.PostId, NpgsqlDbType.Text);
                copy.Write(s.Reposts, NpgsqlDbType.Integer);
                copy.Write(s.Likes, NpgsqlDbType.Integer);
                copy.Write(rows[i].MeasuredAtText!, NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        Execute(connection, MergePosts + (mentions > 0 ? MergeMentions : "") + (snapshots > 0 ? MergeSnapshots : ""));
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
