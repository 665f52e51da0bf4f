using HotPapers.Importing;
using HotPapers.Testing;

namespace HotPapers.Tests.Foundation;

/// <summary>Acceptance 5: a damaged post is refused with file and line, and the store is left exactly as it was.</summary>
public class BadInputTests
{
    [Fact]
    public void A_truncated_post_names_the_file_and_the_line_where_it_ends()
    {
        var seed = Seeds.Text("2020-10-27");
        var cut = seed[..seed.IndexOf("# 3. ", StringComparison.Ordinal)];
        cut = cut[..cut.LastIndexOf("<script", StringComparison.Ordinal)]; // stops after a blockquote line
        var (error, lines) = ImportBroken("truncated.md", cut);
        Assert.Matches(@"truncated\.md:\d+: ", error);
        Assert.Contains($"truncated.md:{lines + 1}: the file ends where the widgets.js script line after the embed was expected", error);
    }

    [Fact]
    public void A_stats_line_with_letters_is_refused_at_its_line()
    {
        var seed = Seeds.Text("2021-06-10");
        var broken = seed.Replace("- retweets: ", "- retweets: x", StringComparison.Ordinal);
        var line = LineOf(seed, "- retweets: ");
        var (error, _) = ImportBroken("letters.md", broken);
        Assert.StartsWith($"letters.md:{line}: expected '- retweets: R, favorites: F", error);
    }

    [Fact]
    public void An_embed_without_its_trailer_is_refused_at_its_line()
    {
        var seed = Seeds.Text("2021-02-09");
        var start = seed.IndexOf("</p>&mdash; ", StringComparison.Ordinal);
        var end = seed.IndexOf("</blockquote>", start, StringComparison.Ordinal);
        var broken = seed[..start] + "</p>" + seed[end..];
        var line = LineOf(seed, "<blockquote class=\"twitter-tweet\">");
        var (error, _) = ImportBroken("trailer.md", broken);
        Assert.StartsWith($"trailer.md:{line}: embed has no trailer", error);
    }

    [Fact]
    public void A_bad_file_among_good_ones_does_not_stop_the_others()
    {
        using var fixture = new StoreFixture();
        var bad = fixture.Dir.File("bad---Hot-Papers.md");
        File.WriteAllText(bad, "---\ntitle: nonsense\n");
        var importer = new PostArchiveImporter(fixture.Store);
        Assert.False(importer.ImportFile(bad).Succeeded);
        Assert.True(importer.ImportFile(Seeds.PathOf("2021-06-10")).Succeeded);
        Assert.Equal(16, fixture.Store.RowCounts()["papers"]);
    }

    /// <summary>Imports a good seed first, then the broken text, and checks the store did not change.</summary>
    private static (string Error, int Lines) ImportBroken(string name, string content)
    {
        using var fixture = new StoreFixture().ImportSeed("2021-06-09");
        var before = fixture.Store.RowCounts();
        var path = fixture.Dir.File(name);
        File.WriteAllText(path, content);
        var result = new PostArchiveImporter(fixture.Store).ImportFile(path);
        Assert.False(result.Succeeded);
        Assert.Equal(before, fixture.Store.RowCounts());
        // The error names the file as given; strip the folder for the assertions.
        return (result.Error!.Replace(fixture.Dir.Path + Path.DirectorySeparatorChar, ""), content.Split('\n').Length - 1);
    }

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
