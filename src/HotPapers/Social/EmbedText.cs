namespace HotPapers.Social;

/// <summary>Helpers every presenter's embed HTML needs.</summary>
public static class EmbedText
{
    /// <summary>
    /// Newlines as <c>&lt;br&gt;</c>: embed HTML sits in a Markdown HTML block, which a blank line would end (and what
    /// followed would be read as Markdown), so embed HTML never holds a line break of its own.
    /// </summary>
    public static string OneLine(string escapedText) => escapedText.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "<br>");
}
