using HotPapers.Domain;
using Npgsql;

namespace HotPapers.Store;

public sealed partial class StoreTransaction
{
    /// <summary>
    /// Writes a batch of imported posts with the same meaning as calling, row after row, <see cref="UpsertPost"/>,
    /// <see cref="RecordMention"/>, <see cref="AddSnapshot"/> and <see cref="UpsertEmbed"/>. SQLite runs the prepared
    /// statements of <see cref="SocialBatchWriter"/> (in-process, so per-row calls are cheap); PostgreSQL copies the
    /// batch into temporary tables and merges it with one statement per table (per-row round trips would dominate).
    /// </summary>
    public void WriteSocialRows(IReadOnlyList<SocialImportRow> rows)
    {
        if (_connection is NpgsqlConnection postgres)
        {
            PostgresSocialCopy.Write(postgres, rows);
        }
        else
        {
            using var writer = CreateSocialBatchWriter();
            foreach (var row in rows)
            {
                writer.UpsertPost(row.Post, row.Source);
                foreach (var paper in row.Papers) writer.RecordMention(paper, row.Post.Platform, row.Post.PostId);
                if (row.Snapshot is { } snapshot) writer.AddSnapshot(snapshot);
            }
        }
        foreach (var row in rows)
            if (row.EmbedHtml is { } html) UpsertEmbed(row.Post.Platform, row.Post.PostId, html, "import");
    }
}
