namespace HotPapers.Arxiv;

/// <summary>
/// Titles and abstracts in the exact form the classic post prints (post-format.md): nothing downstream
/// normalises them again, so these two rules decide the bytes.
/// </summary>
public static class ArxivText
{
    /// <summary>
    /// Drops the line breaks and keeps arXiv's indentation: the classic API wraps <c>Explicit\n  Constraints</c>,
    /// and the post shows <c>Explicit  Constraints</c>.
    /// </summary>
    public static string Title(string raw) => raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();

    /// <summary>Stripped at both ends, every line break one space (so an indented new paragraph gives three spaces).</summary>
    public static string Abstract(string raw) => raw.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Author names and listing titles: any run of white space is one space.</summary>
    public static string Collapse(string raw) => string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
