namespace HotPapers.Importing;

/// <summary>Walks a post line by line (LF only), knowing its line number for error messages.</summary>
internal sealed class LineReader
{
    private readonly string _file;
    private readonly string[] _lines;
    private int _next;

    public LineReader(string file, string content)
    {
        _file = file;
        // A post ends with '\n', so the split leaves one empty string after the last line: it is not a line.
        var lines = content.Split('\n');
        _lines = lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    public bool AtEnd => _next >= _lines.Length;

    /// <summary>The 1-based number of the line last read (or of the end of the file).</summary>
    public int LineNumber => Math.Max(_next, 1);

    public string? Peek() => AtEnd ? null : _lines[_next];

    /// <summary>Reads the run of empty lines ahead (possibly none) and says how long it was.</summary>
    public int SkipBlankLines()
    {
        var count = 0;
        while (Peek() == "")
        {
            _next++;
            count++;
        }
        return count;
    }

    public string Next(string what)
    {
        if (AtEnd)
        {
            _next = _lines.Length + 1;
            throw Error($"the file ends where {what} was expected");
        }
        var line = _lines[_next++];
        if (line.EndsWith('\r')) throw Error("line ends with CR: posts use LF line ends only");
        if (line.IndexOf('\r') is var cr and >= 0) throw Error($"a CR at column {cr + 1}: posts use LF line ends only");
        // A NUL would be cut off or refused by the store: a post holding one is refused here, at its line.
        if (line.IndexOf('\0') is var nul and >= 0) throw Error($"a NUL character at column {nul + 1}");
        return line;
    }

    public void Expect(string expected, string what)
    {
        var line = Next(what);
        if (line != expected) throw Error($"expected {what}, found '{Shorten(line)}'");
    }

    public PostFormatException Error(string problem) => new(_file, LineNumber, problem);

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
