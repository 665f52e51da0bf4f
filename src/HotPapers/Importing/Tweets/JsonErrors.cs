using System.Text.Json;

namespace HotPapers.Importing.Tweets;

/// <summary>Turns System.Text.Json's exceptions into the short reasons printed after <c>file:line:</c>.</summary>
internal static class JsonErrors
{
    /// <summary>
    /// <paramref name="lineBytes"/> is the UTF-8 length of the line the error is on, so an error at its very end
    /// reads as a truncated value rather than as a syntax error.
    /// </summary>
    public static string Describe(JsonException e, int lineBytes, string? line = null)
    {
        var path = PathOf(e);
        // A number too large for the count it fills is not of the wrong type: say what it is.
        if (line is not null && path is not null && e.Message.StartsWith("The JSON value could not be converted to System.Int32", StringComparison.Ordinal)
            && NumberOf(line, path) is { } number)
            return $"{path} is {number}, not a whole number from 0 to {int.MaxValue}";
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return path is null ? "expected a JSON object, found another kind of value" : $"{path} has the wrong type";
        if (e.BytePositionInLine is { } at && at >= lineBytes)
            return "the JSON ends early (truncated)";
        var reason = e.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) reason = reason[..cut];
        reason = reason.TrimEnd('.', ' ');
        var column = e.BytePositionInLine is { } b ? $" at byte {b + 1}" : "";
        return $"not valid JSON{column}: {reason}";
    }

    /// <summary>The number written for the last property of <paramref name="path"/> on <paramref name="line"/>, if it is a number.</summary>
    private static string? NumberOf(string line, string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        var match = System.Text.RegularExpressions.Regex.Match(line, "\"" + System.Text.RegularExpressions.Regex.Escape(name) + "\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The JSON path without its <c>$.</c> root, or null when the error is at the root.</summary>
    public static string? PathOf(JsonException e) =>
        e.Path is { Length: > 1 } p ? p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : p.TrimStart('$') : null;
}
