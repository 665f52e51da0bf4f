using System.Text;
using System.Text.RegularExpressions;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// A blog archive folder: the five published posts plus posts made from them for the cases a real archive holds
/// (docs/imports.md, "Layouts"). Each synthetic post is built from a published one by plain text edits, so its
/// embeds are real.
/// </summary>
internal static partial class SyntheticArchive
{
    /// <summary>Writes the archive into <paramref name="folder"/>; returns each post's file name.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var posts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var date in Seeds.Dates) posts[$"{date}---Hot-Papers.md"] = Seeds.Text(date);
        // The blog's first layout, for the same papers as a later post (so each is shown on two days, differently).
        posts["2020-06-29---Hot-Papers.md"] = FirstLayout(Redate(Seeds.Text("2020-10-27"), "2020-10-27", "2020-06-29"));
        // The same papers a day later with other titles and categories, and one embed shown twice.
        posts["2021-06-11---Hot-Papers.md"] = RepeatFirstEmbed(Recategorise(Redate(Seeds.Text("2021-06-10"), "2021-06-10", "2021-06-11")));
        // A post that printed no abstracts (two real 2021 posts did).
        posts["2021-06-12---Hot-Papers.md"] = WithoutAbstracts(Redate(Seeds.Text("2021-06-09"), "2021-06-09", "2021-06-12"));
        // A range post over two days whose own posts are imported too.
        posts["2021-06-09-2021-06-10---Hot-Papers.md"] = Seeds.Text("2021-06-10").Replace("Hot Papers 2021-06-10", "Hot Papers 2021-06-09 - 2021-06-10", StringComparison.Ordinal)
            .Replace("hot-papers-2021-06-10", "hot-papers-2021-06-09 - 2021-06-10", StringComparison.Ordinal)
            .Replace("Hot papers 2021-06-10", "Hot papers 2021-06-09 - 2021-06-10", StringComparison.Ordinal);
        foreach (var (name, text) in posts) File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
        return posts.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Moves a post to another day: its front matter (title, slug, description); the stats times stay.</summary>
    public static string Redate(string text, string from, string to)
    {
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return text[..end].Replace(from, to, StringComparison.Ordinal) + text[end..];
    }

    /// <summary>
    /// The assumed layout of the blog's first posts (2020-06-29): one-sentence abstracts, no blank line before the
    /// front matter's closing fence, a blank line between the links and the categories, two blank lines (not four)
    /// between papers and one at the end.
    /// </summary>
    public static string FirstLayout(string text)
    {
        var lines = text.Split('\n').ToList();
        var fence = lines.IndexOf("---", 1);
        lines.RemoveAt(fence - 1); // the blank line before the closing fence
        var output = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("- [", StringComparison.Ordinal) && output.Count > 0 && output[^1].StartsWith("- links:", StringComparison.Ordinal))
                output.Add("");
            output.Add(i >= 2 && lines[i - 1] == "" && lines[i - 2].StartsWith("- [", StringComparison.Ordinal) ? FirstSentence(line) : line);
        }
        var joined = string.Join('\n', output);
        joined = BlankRunBeforeHeading().Replace(joined, "\n\n\n# ");
        return joined.TrimEnd('\n') + "\n\n";
    }

    private static string FirstSentence(string abstractText)
    {
        var end = abstractText.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? abstractText : abstractText[..(end + 1)];
    }

    /// <summary>Other titles and one category fewer (where a paper has two or more), as a later post might print.</summary>
    public static string Recategorise(string text) =>
        CategoriesLine().Replace(HeadingLine().Replace(text, m => m.Value + " (revised)"), m => m.Groups[1].Value);

    /// <summary>Shows the first embed of the post twice in a row, as early posts did when a search returned it twice.</summary>
    public static string RepeatFirstEmbed(string text)
    {
        var start = text.IndexOf("\n<blockquote", StringComparison.Ordinal) + 1;
        var end = text.IndexOf("</script>\n", start, StringComparison.Ordinal) + "</script>\n".Length;
        var embed = text[start..end];
        return text[..end] + "\n" + embed + text[end..];
    }

    /// <summary>Empties every abstract line.</summary>
    public static string WithoutAbstracts(string text)
    {
        var lines = text.Split('\n');
        for (var i = 2; i < lines.Length; i++)
            if (lines[i - 1] == "" && lines[i - 2].StartsWith("- [", StringComparison.Ordinal)) lines[i] = "";
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\n{5}# ")]
    private static partial Regex BlankRunBeforeHeading();

    [GeneratedRegex(@"(?m)^# \d+\. .+$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"(?m)^(- \[[^\n]+?\)) \| \[[^\n]+$")]
    private static partial Regex CategoriesLine();
}
