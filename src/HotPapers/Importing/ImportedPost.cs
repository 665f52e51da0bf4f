using HotPapers.Domain;

namespace HotPapers.Importing;

/// <summary>
/// One Hot Papers post read back into data: its window, when it was generated, its papers in rank order, and the
/// spacing it was printed with.
/// </summary>
public sealed record ImportedPost(string SourceName, DigestWindow Window, DateTime GeneratedAt, IReadOnlyList<ImportedPaper> Papers, PostLayout Layout);

/// <summary>
/// A paper block: the paper, the totals printed on its stats line and when they were measured, and its embeds
/// in the order shown (a post may show the same embed more than once; every one is kept).
/// </summary>
public sealed record ImportedPaper(int Rank, Paper Paper, int Reposts, int Likes, DateTime MeasuredAt, IReadOnlyList<ImportedEmbed> Embeds);

/// <summary>An embed: the post it shows, and its exact HTML (both lines), kept as that post's cached oEmbed.</summary>
public sealed record ImportedEmbed(SocialPost Post, string Html);

/// <summary>A post that is not in the Hot Papers format; <see cref="Exception.Message"/> is <c>file:line: what is wrong</c>.</summary>
public sealed class PostFormatException(string file, int line, string problem)
    : FormatException($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
