using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>What kind of reference an extracted id came from.</summary>
public enum ArxivLinkKind
{
    /// <summary>An id standing in text: <c>2010.13581</c>, <c>arXiv:hep-th/9901001v1</c>.</summary>
    Text,
    /// <summary>A paper URL on arXiv or a known mirror/overlay (abs, pdf, html, alphaxiv, huggingface, …).</summary>
    Url,
    /// <summary>An arXiv DOI (10.48550/arXiv.…): it never carries a version.</summary>
    Doi,
}

/// <summary>
/// One id found in a text, as positions into that text so that finding it allocates nothing.
/// <see cref="ToLink"/> builds the canonical id (a string) only when the caller wants it.
/// </summary>
/// <param name="Index">Where the id starts (after any <c>arXiv:</c> prefix).</param>
/// <param name="Length">Length of the id as written (without version).</param>
/// <param name="End">Where the whole match ends (after the version, if any): scanning resumes there.</param>
/// <param name="Version">The linked version, 0 when none.</param>
/// <param name="SubjectClassAt">Offset in the id of an old-style <c>.SC</c> subject class to drop, or -1.</param>
public readonly record struct ArxivMatch(int Index, int Length, int End, int Version, int SubjectClassAt, ArxivLinkKind Kind)
{
    /// <summary>The canonical id: the matched span without version, with an old-style subject class (<c>.GT</c>) dropped.</summary>
    public string CanonicalId(ReadOnlySpan<char> text)
    {
        var id = text.Slice(Index, Length);
        if (SubjectClassAt < 0) return id.ToString();
        // "math.GT/0309136": drop ".GT", which is 3 characters at SubjectClassAt.
        return string.Concat(id[..SubjectClassAt], id[(SubjectClassAt + 3)..]);
    }

    public ArxivLink ToLink(ReadOnlySpan<char> text) => new(ArxivId.FromCanonical(CanonicalId(text)), Version == 0 ? null : Version, Kind);
}

/// <summary>A paper reference: the canonical id and the version the link named (null when it named none: "latest").</summary>
public readonly record struct ArxivLink(ArxivId Id, int? Version, ArxivLinkKind Kind)
{
    public override string ToString() => Version is { } v ? $"{Id}v{v}" : Id.ToString();
}
