using HotPapers.Domain;
using Npgsql;

namespace HotPapers.Store;

public sealed partial class StoreTransaction
{
    /// <summary>
    /// Writes a batch of imported posts with the same meaning as calling, row after row, <see cref="UpsertPost"/>,
    /// <see cref="LinkArxiv"/>, <see cref="AddSnapshot"/> and <see cref="UpsertEmbed"/>. SQLite steps its statements directly
    /// (<see cref="SqliteSocialBulk"/>); PostgreSQL copies the batch into temporary tables and merges it with one
    /// statement per table (<see cref="PostgresSocialCopy"/>), since per-row round trips would dominate.
    /// </summary>
    public void WriteSocialRows(IReadOnlyList<SocialImportRow> rows)
    {
        if (_connection is NpgsqlConnection postgres)
        {
            PostgresSocialCopy.Write(postgres, rows);
        }
        else
        {
            SqliteSocialBulk.Write(_connection, rows);
        }
        foreach (var row in rows)
            if (row.EmbedHtml is { } html) UpsertEmbed(row.Post.Platform, row.Post.PostId, html, "import");
    }
}
