using System.Data.Common;
using HotPapers.Domain;

namespace HotPapers.Store;

public sealed partial class StoreTransaction
{
    /// <summary>
    /// Records that a post mentions a paper and links it when the paper is in the store. Returns whether it was
    /// linked now; an unlinked mention is linked later by <see cref="LinkKnownPapers"/>.
    /// </summary>
    public bool RecordMention(ArxivId paper, string platform, string postId)
    {
        Run("""
            INSERT INTO post_arxiv_links (platform, post_id, arxiv_id) VALUES (@platform, @id, @paper)
            ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING
            """, ("platform", platform), ("id", postId), ("paper", paper.Value));
        return RunCount("""
            INSERT INTO paper_posts (arxiv_id, platform, post_id)
            SELECT p.arxiv_id, @platform, @id FROM papers p WHERE p.arxiv_id = @paper
            ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
            """, ("platform", platform), ("id", postId), ("paper", paper.Value)) > 0;
    }

    /// <summary>A buffered writer for many posts in this transaction (imports): rows go out hundreds to a statement.</summary>
    public SocialBatchWriter CreateSocialBatchWriter() => new(_connection, _transaction);

    private int RunCount(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command.ExecuteNonQuery();
    }
}

/// <summary>
/// The hot path of bulk imports: the same writes as <see cref="StoreTransaction.UpsertPost"/>,
/// <see cref="StoreTransaction.RecordMention"/> and <see cref="StoreTransaction.AddSnapshot"/>, buffered and sent as
/// multi-row statements. On PostgreSQL every statement is a round trip, so 500 rows go to a statement; SQLite runs
/// in process and binds large statements slowly (measured: 5× slower at 500 rows), so there a statement holds
/// <see cref="SqliteRowsPerStatement"/> rows. Rows are flushed in
/// key order of dependency (posts, then links, then snapshots) and on <see cref="Dispose"/>, inside the transaction.
/// </summary>
public sealed class SocialBatchWriter : IDisposable
{
    public const int PostgresRowsPerStatement = 500;
    public const int SqliteRowsPerStatement = 1;

    private readonly int _rowsPerStatement;

    private const string PostColumns = "platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    // A post written twice in one statement would be "updated twice" for PostgreSQL: the last version wins here.
    private readonly Dictionary<(string, string), object?[]> _posts = [];
    private readonly List<object?[]> _mentions = [];
    private readonly List<object?[]> _snapshots = [];
    private readonly Dictionary<(string Kind, int Rows), DbCommand> _statements = [];

    internal SocialBatchWriter(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _rowsPerStatement = connection is Microsoft.Data.Sqlite.SqliteConnection ? SqliteRowsPerStatement : PostgresRowsPerStatement;
    }

    public void UpsertPost(SocialPost post, PostSource source)
    {
        _posts[(post.Platform, post.PostId)] =
        [
            post.Platform, post.PostId, post.AuthorHandle, post.AuthorName, StoreTime.Utc(post.CreatedAt), post.Lang, post.Dir, post.Text,
            StoreJson.Entities(post.Entities), post.RepostOf, source == PostSource.Api ? "api" : "embed",
        ];
        if (_posts.Count >= _rowsPerStatement) Flush();
    }

    /// <summary>Records that the post mentions the paper; it is linked to the paper when the paper is in the store.</summary>
    public void RecordMention(ArxivId paper, string platform, string postId)
    {
        _mentions.Add([platform, postId, paper.Value]);
        if (_mentions.Count >= _rowsPerStatement) Flush();
    }

    public void AddSnapshot(EngagementSnapshot snapshot)
    {
        _snapshots.Add([snapshot.Platform, snapshot.PostId, snapshot.Reposts, snapshot.Likes, StoreTime.Utc(snapshot.MeasuredAt)]);
        if (_snapshots.Count >= _rowsPerStatement) Flush();
    }

    public void Flush()
    {
        Send("posts", [.. _posts.Values], rows => $"""
            INSERT INTO social_posts ({PostColumns}) VALUES {rows}
            ON CONFLICT (platform, post_id) DO UPDATE SET author_handle = excluded.author_handle, author_name = excluded.author_name,
                created_at = excluded.created_at, lang = excluded.lang, dir = excluded.dir, text = excluded.text,
                entities = excluded.entities, repost_of = excluded.repost_of, source = excluded.source
            WHERE excluded.source = 'api' OR social_posts.source = 'embed'
            """);
        Send("mentions", _mentions, rows => $"""
            INSERT INTO post_arxiv_links (platform, post_id, arxiv_id) VALUES {rows}
            ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING
            """);
        Send("links", _mentions, rows => $"""
            WITH v (platform, post_id, arxiv_id) AS (VALUES {rows})
            INSERT INTO paper_posts (arxiv_id, platform, post_id)
            SELECT p.arxiv_id, v.platform, v.post_id FROM v JOIN papers p ON p.arxiv_id = v.arxiv_id WHERE true
            ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
            """);
        Send("snapshots", _snapshots, rows => $"""
            INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES {rows}
            ON CONFLICT (platform, post_id, measured_at) DO NOTHING
            """);
        _posts.Clear();
        _mentions.Clear();
        _snapshots.Clear();
    }

    /// <summary>One statement for all the rows (never more than the backend's rows per statement), prepared once per size.</summary>
    private void Send(string kind, IReadOnlyList<object?[]> rows, Func<string, string> sql)
    {
        if (rows.Count == 0) return;
        var columns = rows[0].Length;
        if (!_statements.TryGetValue((kind, rows.Count), out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            var values = string.Join(", ", Enumerable.Range(0, rows.Count).Select(r =>
                "(" + string.Join(", ", Enumerable.Range(0, columns).Select(c => $"@p{r * columns + c}")) + ")"));
            command.CommandText = sql(values);
            for (var i = 0; i < rows.Count * columns; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }
            _statements[(kind, rows.Count)] = command;
        }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns; c++)
                command.Parameters[r * columns + c].Value = rows[r][c] ?? DBNull.Value;
        // Prepared once its parameters hold values (PostgreSQL infers their types from them), and only at full size:
        // the last, shorter statement of an import runs once.
        if (rows.Count == _rowsPerStatement && _prepared.Add(command)) command.Prepare();
        command.ExecuteNonQuery();
    }

    private readonly HashSet<DbCommand> _prepared = [];

    public void Dispose()
    {
        Flush();
        foreach (var command in _statements.Values) command.Dispose();
    }
}
