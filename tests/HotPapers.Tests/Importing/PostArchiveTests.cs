using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// A whole blog archive imported into one store renders back byte for byte, on both backends: papers shown on
/// several days, repeated embeds, empty abstracts, the first layout and a range post over imported days.
/// </summary>
public abstract class PostArchiveTests(StoreBackend backend)
{
    [StoreFact]
    public void Every_post_of_an_archive_in_one_store_renders_back_byte_for_byte()
    {
        using var fixture = new StoreFixture(backend);
        var folder = fixture.Dir.File("archive");
        var names = SyntheticArchive.Write(folder);
        var importer = new PostArchiveImporter(fixture.Store);
        foreach (var file in PostArchiveImporter.FindPostFiles([folder]))
        {
            var result = importer.ImportFile(file);
            Assert.True(result.Succeeded, result.Error);
        }
        foreach (var name in names)
        {
            var text = File.ReadAllText(Path.Combine(folder, name));
            var window = HotPapersPostParser.Parse(name, text).Window;
            Golden.AssertSameText(text, fixture.Renderer().RenderText(window, new global::HotPapers.Publishing.RenderOptions()), $"{backend} {name}");
        }

        // The archive holds what it claims to: an earlier layout, a repeated embed, a post without abstracts.
        ImportedPost Read(string name) => HotPapersPostParser.Parse(name, File.ReadAllText(Path.Combine(folder, name)));
        var first = Read("2020-06-29---Hot-Papers.md");
        Assert.NotEqual(PostLayout.Classic, first.Layout);
        Assert.All(first.Papers, p => Assert.DoesNotContain(". ", p.Paper.Abstract, StringComparison.Ordinal));
        Assert.Contains(Read("2021-06-11---Hot-Papers.md").Papers, p => p.Embeds.Count != p.Embeds.Select(e => e.Html).Distinct().Count());
        Assert.All(Read("2021-06-12---Hot-Papers.md").Papers, p => Assert.Equal("", p.Paper.Abstract));
        Assert.Equal(9, names.Count); // the five published posts and four made from them
    }

    [StoreFact]
    public async Task Render_each_writes_every_post_of_the_range_back_byte_for_byte_in_one_run()
    {
        using var fixture = new StoreFixture(backend);
        var folder = fixture.Dir.File("archive");
        var names = SyntheticArchive.Write(folder);
        foreach (var file in PostArchiveImporter.FindPostFiles([folder])) Assert.True(new PostArchiveImporter(fixture.Store).ImportFile(file).Succeeded);
        var outDir = fixture.Dir.File("rendered");
        var output = new StringWriter();

        var code = await HotPapers.Cli.HotPapersCli.RunAsync(
            ["--db", fixture.DbPath, "render", "--since", "2020-06-01", "--until", "2021-06-30", "--each", "--out", outDir], output, output);

        Assert.True(code == 0, output.ToString());
        Assert.Equal(names, Directory.EnumerateFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
            Golden.AssertSameText(File.ReadAllText(Path.Combine(folder, name)), File.ReadAllText(Path.Combine(outDir, name)), $"{backend} render --each {name}");
        Assert.EndsWith("rendered 9 posts from 2020-06-01 to 2021-06-30\n", output.ToString(), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Import_order_does_not_matter()
    {
        using var forward = new StoreFixture(backend);
        using var backward = new StoreFixture(backend);
        var folder = forward.Dir.File("archive");
        var names = SyntheticArchive.Write(folder);
        var files = PostArchiveImporter.FindPostFiles([folder]);
        foreach (var file in files) Assert.True(new PostArchiveImporter(forward.Store).ImportFile(file).Succeeded);
        foreach (var file in files.Reverse()) Assert.True(new PostArchiveImporter(backward.Store).ImportFile(file).Succeeded);
        foreach (var name in names)
        {
            var text = File.ReadAllText(Path.Combine(folder, name));
            var window = HotPapersPostParser.Parse(name, text).Window;
            Golden.AssertSameText(text, backward.Renderer().RenderText(window, new global::HotPapers.Publishing.RenderOptions()), $"{backend} {name} imported last to first");
        }
        Assert.Equal(forward.Store.RowCounts(), backward.Store.RowCounts());
    }

    [StoreFact]
    public void A_paper_shown_on_two_days_keeps_what_each_day_printed_and_its_current_metadata_separately()
    {
        using var fixture = new StoreFixture(backend);
        fixture.ImportSeed("2021-06-10");
        var later = SyntheticArchive.Recategorise(SyntheticArchive.Redate(Seeds.Text("2021-06-10"), "2021-06-10", "2021-06-11"));
        Assert.True(new PostArchiveImporter(fixture.Store).Import(HotPapersPostParser.Parse("later.md", later)).Succeeded);
        var day = Seeds.Window("2021-06-10");
        var first = fixture.Store.LoadCandidates(day, TimeZoneInfo.Utc).Papers[0].Paper;
        var current = fixture.Store.Papers.LoadListed(first.Id).Single();
        Assert.EndsWith("(revised)", current.Paper.Title, StringComparison.Ordinal); // the latest import is the current metadata
        Assert.DoesNotContain("(revised)", first.Title, StringComparison.Ordinal);  // the day still has what it printed
        Assert.Equal([new DateOnly(2021, 6, 11), new DateOnly(2021, 6, 10)], current.ListingDates);
    }

    [StoreFact]
    public void A_post_printing_one_paper_twice_is_refused_with_its_line_and_stores_nothing()
    {
        using var fixture = new StoreFixture(backend);
        var text = Seeds.Text("2021-06-10");
        var second = text.IndexOf("\n# 2. ", StringComparison.Ordinal);
        var third = text.IndexOf("\n# 3. ", StringComparison.Ordinal);
        // Paper 2's block again, numbered 3, in front of the real third paper (which becomes 4, and so on).
        var copy = text[(second + 1)..(third + 1)].Replace("# 2. ", "# 3. ", StringComparison.Ordinal);
        var renumbered = System.Text.RegularExpressions.Regex.Replace(text[(third + 1)..], @"(?m)^# (\d+)\. ",
            m => $"# {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}. ");
        var path = fixture.Dir.File("2021-06-10---Hot-Papers.md");
        File.WriteAllText(path, text[..(third + 1)] + copy + renumbered);
        var before = fixture.Store.RowCounts();

        var result = new PostArchiveImporter(fixture.Store).ImportFile(path);

        var linksLine = File.ReadAllText(path)[..(third + 1 + copy.IndexOf("- links:", StringComparison.Ordinal))].Count(c => c == '\n') + 1;
        Assert.Equal($"{path}:{linksLine}: paper 2106.04803 is printed twice in this post (already as #2)", result.Error);
        Assert.Equal(before, fixture.Store.RowCounts());
    }

    [StoreFact]
    public void A_post_whose_spacing_changes_part_way_is_refused_with_its_line()
    {
        using var fixture = new StoreFixture(backend);
        var text = Seeds.Text("2021-06-10");
        var third = text.IndexOf("\n# 3. ", StringComparison.Ordinal);
        var path = fixture.Dir.File("2021-06-10---Hot-Papers.md");
        File.WriteAllText(path, text[..third] + "\n" + text[third..]); // five blank lines before paper 3, four elsewhere

        var result = new PostArchiveImporter(fixture.Store).ImportFile(path);

        var headingLine = text[..third].Count(c => c == '\n') + 3;
        Assert.NotNull(result.Error);
        Assert.StartsWith($"{path}:{headingLine - 1}: 5 blank lines before this paper, but 4 blank lines at line ", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Store.RowCounts()["digests"]);
    }
}

public sealed class SqlitePostArchiveTests() : PostArchiveTests(StoreBackend.Sqlite);

public sealed class PostgresPostArchiveTests() : PostArchiveTests(StoreBackend.Postgres), IPostgresBacked;
