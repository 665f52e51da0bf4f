using HotPapers.Publishing;
using HotPapers.Testing;

namespace HotPapers.Tests.Foundation;

/// <summary>Acceptance 1: each seed, imported into a fresh store and rendered from the data, is byte-identical.</summary>
public class SeedRoundTripTests
{
    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public void Rendering_an_imported_seed_with_stored_embeds_gives_the_seed_back(string date) =>
        AssertRoundTrip(date, EmbedSource.Stored);

    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public void Rendering_an_imported_seed_with_snapshot_embeds_gives_the_seed_back(string date) =>
        AssertRoundTrip(date, EmbedSource.Snapshot);

    /// <summary>Cached HTML that Twitter's embed grammar allows, but that no seed printed.</summary>
    private const string Spoiled = "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">spoiled</p>&mdash; Spoiler (@spoiler) <a href=\"https://twitter.com/spoiler/status/1?ref_src=twsrc%5Etfw\">June 1, 2021</a></blockquote>\n" + "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>";

    private static void Spoil(StoreFixture fixture, string date, string html) => fixture.Store.Write(tx =>
    {
        // Every stored embed: the cache and the copies the post printed.
        foreach (var post in fixture.Store.LoadCandidates(Seeds.Window(date), TimeZoneInfo.Utc).Papers.SelectMany(p => p.Posts))
            tx.Posts.UpsertEmbed(post.Post.Platform, post.Post.PostId, html, "test");
        tx.Sql.Run("UPDATE printed_embeds SET html = @html", ("html", html));
    });

    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public void Snapshot_mode_never_reads_stored_html(string date)
    {
        using var fixture = new StoreFixture().ImportSeed(date);
        Spoil(fixture, date, Spoiled);
        var snapshot = fixture.Renderer().RenderText(Seeds.Window(date), new RenderOptions { Embeds = EmbedSource.Snapshot });
        Golden.AssertSameText(Seeds.Text(date), snapshot, $"{date} snapshot render with spoiled cache");
        var stored = fixture.Renderer().RenderText(Seeds.Window(date), new RenderOptions { Embeds = EmbedSource.Stored });
        Assert.Contains(">spoiled</p>", stored);
    }

    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public void Cached_html_outside_the_embed_grammar_is_never_printed_and_the_local_rendering_is(string date)
    {
        using var fixture = new StoreFixture().ImportSeed(date);
        // As a store written before the allow-list was tightened might hold: a blank line and a heading inside.
        Spoil(fixture, date, "<blockquote class=\"twitter-tweet\"><p>x</p>\n\n# 99. Injected paper\n</blockquote>");

        var stored = fixture.Renderer().RenderText(Seeds.Window(date), new RenderOptions { Embeds = EmbedSource.Stored });

        Golden.AssertSameText(Seeds.Text(date), stored, $"{date} stored render with a hostile cache");
    }

    [Fact]
    public void Importing_the_same_post_twice_changes_nothing()
    {
        using var fixture = new StoreFixture().ImportSeed("2021-06-09");
        var counts = fixture.Store.RowCounts();
        var first = fixture.Renderer().RenderText(Seeds.Window("2021-06-09"), new RenderOptions());
        fixture.ImportSeed("2021-06-09");
        Assert.Equal(counts, fixture.Store.RowCounts());
        Golden.AssertSameText(first, fixture.Renderer().RenderText(Seeds.Window("2021-06-09"), new RenderOptions()), "render after second import");
    }

    [Fact]
    public void All_five_seeds_in_one_store_render_independently()
    {
        using var fixture = new StoreFixture();
        foreach (var date in Seeds.Dates) fixture.ImportSeed(date);
        foreach (var date in Seeds.Dates)
        {
            var path = fixture.Renderer().RenderToDirectory(Seeds.Window(date), fixture.Dir.File("out"), new RenderOptions());
            Assert.Equal($"{date}---Hot-Papers.md", Path.GetFileName(path));
            Golden.AssertSameBytes(Seeds.Bytes(date), File.ReadAllBytes(path), date);
        }
    }

    private static void AssertRoundTrip(string date, EmbedSource embeds)
    {
        using var fixture = new StoreFixture().ImportSeed(date);
        var path = fixture.Renderer().RenderToDirectory(Seeds.Window(date), fixture.Dir.File("out"), new RenderOptions { Embeds = embeds });
        Golden.AssertSameBytes(Seeds.Bytes(date), File.ReadAllBytes(path), $"{date} ({embeds})");
    }
}
