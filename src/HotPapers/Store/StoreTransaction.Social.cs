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
