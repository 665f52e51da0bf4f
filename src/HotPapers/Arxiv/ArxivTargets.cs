namespace HotPapers.Arxiv;

/// <summary>How a crawl target (an archive such as <c>cs</c>, or a category such as <c>stat.ML</c>) relates to categories and OAI sets.</summary>
public static class ArxivTargets
{
    private static readonly HashSet<string> GroupArchives = new(StringComparer.Ordinal) { "cs", "math", "stat", "q-bio", "q-fin", "econ", "eess", "nlin" };

    /// <summary>Whether a paper in <paramref name="category"/> belongs to the target.</summary>
    public static bool Contains(string target, string category) =>
        target.Contains('.', StringComparison.Ordinal)
            ? string.Equals(target, category, StringComparison.Ordinal)
            : string.Equals(target, category, StringComparison.Ordinal) || category.StartsWith(target + ".", StringComparison.Ordinal);

    /// <summary>The OAI-PMH set: <c>cs</c>, <c>stat:stat:ML</c>, <c>physics:hep-th</c>, <c>physics:astro-ph:IM</c>.</summary>
    public static string OaiSet(string target)
    {
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        var archive = dot < 0 ? target : target[..dot];
        var group = GroupArchives.Contains(archive) ? archive : "physics";
        if (dot < 0) return group == archive ? archive : $"{group}:{archive}";
        return $"{group}:{archive}:{target[(dot + 1)..]}";
    }
}
