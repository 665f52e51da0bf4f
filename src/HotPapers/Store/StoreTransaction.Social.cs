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

    /// <summary>Prepared commands for writing many posts in this transaction (imports): parsed once, bound per row.</summary>
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
/// The hot path of bulk imports: the same statements as <see cref="StoreTransaction.UpsertPost"/>,
/// <see cref="StoreTransaction.RecordMention"/> and <see cref="StoreTransaction.AddSnapshot"/>, prepared once per
/// transaction and re-bound for every row.
/// </summary>
public sealed class SocialBatchWriter : IDisposable
{
    private readonly DbCommand _post;
    private readonly DbCommand _mention;
    private readonly DbCommand _link;
    private readonly DbCommand _snapshot;

    internal SocialBatchWriter(DbConnection connection, DbTransaction transaction)
    {
        _post = Prepare(connection, transaction, """
            INSERT INTO social_posts (platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source)
            VALUES (@platform, @id, @handle, @name, @created, @lang, @dir, @text, @entities, @repost, @source)
            ON CONFLICT (platform, post_id) DO UPDATE SET author_handle = excluded.author_handle, author_name = excluded.author_name,
                created_at = excluded.created_at, lang = excluded.lang, dir = excluded.dir, text = excluded.text,
                entities = excluded.entities, repost_of = excluded.repost_of, source = excluded.source
            WHERE excluded.source = 'api' OR social_posts.source = 'embed'
            """, "platform", "id", "handle", "name", "created", "lang", "dir", "text", "entities", "repost", "source");
        _mention = Prepare(connection, transaction, """
            INSERT INTO post_arxiv_links (platform, post_id, arxiv_id) VALUES (@platform, @id, @paper)
            ON CONFLICT (platform, post_id, arxiv_id) DO NOTHING
            """, "platform", "id", "paper");
        _link = Prepare(connection, transaction, """
            INSERT INTO paper_posts (arxiv_id, platform, post_id)
            SELECT p.arxiv_id, @platform, @id FROM papers p WHERE p.arxiv_id = @paper
            ON CONFLICT (arxiv_id, platform, post_id) DO NOTHING
            """, "platform", "id", "paper");
        _snapshot = Prepare(connection, transaction, """
            INSERT INTO engagement_snapshots (platform, post_id, reposts, likes, measured_at) VALUES (@platform, @id, @reposts, @likes, @at)
            ON CONFLICT (platform, post_id, measured_at) DO NOTHING
            """, "platform", "id", "reposts", "likes", "at");
    }

    public void UpsertPost(SocialPost post, PostSource source) => Execute(_post,
        post.Platform, post.PostId, post.AuthorHandle, post.AuthorName, StoreTime.Utc(post.CreatedAt), post.Lang, post.Dir, post.Text,
        StoreJson.Entities(post.Entities), post.RepostOf, source == PostSource.Api ? "api" : "embed");

    /// <summary>Returns whether the post was linked to the paper now (the paper is in the store).</summary>
    public bool RecordMention(ArxivId paper, string platform, string postId)
    {
        Execute(_mention, platform, postId, paper.Value);
        return Execute(_link, platform, postId, paper.Value) > 0;
    }

    public void AddSnapshot(EngagementSnapshot snapshot) => Execute(_snapshot,
        snapshot.Platform, snapshot.PostId, snapshot.Reposts, snapshot.Likes, StoreTime.Utc(snapshot.MeasuredAt));

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    private static int Execute(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _post.Dispose();
        _mention.Dispose();
        _link.Dispose();
        _snapshot.Dispose();
    }
}
