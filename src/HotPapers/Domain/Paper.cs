namespace HotPapers.Domain;

/// <summary>An arXiv subject as listed: <c>Machine Learning (cs.LG)</c>. The name is unknown when only the code was seen.</summary>
public sealed record Subject(string Code, string? Name = null)
{
    public override string ToString() => Name is null ? Code : $"{Name} ({Code})";
}

/// <summary>
/// A paper as the post needs it. <see cref="Title"/> and <see cref="Abstract"/> are already in the
/// post's form (see post-format.md): nothing else trims or normalises them later.
/// </summary>
public sealed record Paper(
    ArxivId Id,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<Subject> Subjects,
    string Abstract,
    string AbsUrl,
    string? PdfUrl,
    DateOnly ListingDate,
    int CrawlOrder)
{
    public bool HasPdf => PdfUrl is not null;
}
