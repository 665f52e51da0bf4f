using System.Text.RegularExpressions;
using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>Reads the listing's subject line: <c>Machine Learning (cs.LG); Data Analysis, Statistics and Probability (physics.data-an)</c>.</summary>
public static partial class SubjectText
{
    public static IReadOnlyList<Subject> ParseList(string text)
    {
        var subjects = new List<Subject>();
        foreach (var part in text.Split(';'))
        {
            var trimmed = ArxivText.Collapse(part);
            if (trimmed.Length == 0) continue;
            subjects.Add(Parse(trimmed));
        }
        return subjects;
    }

    /// <summary>The code is the last parenthesised group: names may themselves contain commas and parentheses.</summary>
    public static Subject Parse(string text)
    {
        var match = LastCode().Match(text);
        if (!match.Success) return new Subject(text.Trim());
        var name = text[..match.Index].Trim();
        return new Subject(match.Groups["code"].Value, name.Length == 0 ? null : name);
    }

    [GeneratedRegex(@"\((?<code>[a-z\-]+(?:\.[A-Za-z\-]+)?)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LastCode();
}
