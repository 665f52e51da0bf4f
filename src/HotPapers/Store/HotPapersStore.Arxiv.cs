using HotPapers.Domain;

namespace HotPapers.Store;

public sealed partial class HotPapersStore
{
    /// <summary>Which of these papers the store already holds metadata for (so they need not be fetched again).</summary>
    public IReadOnlySet<ArxivId> HeldPaperIds(IEnumerable<ArxivId> ids)
    {
        var held = new HashSet<ArxivId>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var names = chunk.Select((_, i) => $"@p{i}").ToArray();
            using var command = Command($"SELECT arxiv_id FROM papers WHERE arxiv_id IN ({string.Join(", ", names)})",
                chunk.Select((id, i) => ($"p{i}", (object?)id.Value)).ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read()) held.Add(ArxivId.Parse(reader.GetString(0)));
        }
        return held;
    }

    /// <summary>The papers announced on a day, in crawl order, with how each was listed ('new', 'cross', or null when unknown).</summary>
    public IReadOnlyList<(ArxivId Id, int CrawlOrder, string? Kind)> LoadAnnouncements(DateOnly day)
    {
        using var command = Command("SELECT arxiv_id, crawl_order, kind FROM announcements WHERE listing_date = @d ORDER BY crawl_order, arxiv_id",
            ("d", Domain.DigestWindow.Format(day)));
        using var reader = command.ExecuteReader();
        var list = new List<(ArxivId, int, string?)>();
        while (reader.Read()) list.Add((ArxivId.Parse(reader.GetString(0)), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return list;
    }

    /// <summary>The last thing the metadata API said about a paper: status, version and detail.</summary>
    public (string Status, int? Version, string? Detail)? LoadArxivFetch(ArxivId id)
    {
        using var command = Command("SELECT status, version, detail FROM arxiv_fetches WHERE arxiv_id = @id", ("id", id.Value));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }
}
