using HotPapers.Arxiv;
using Xunit;

namespace HotPapers.Tests.Arxiv;

/// <summary>Both generations of the query API, on the REAL samples of the spec.</summary>
public sealed class ApiFeedParserTests
{
    [Fact]
    public void Current_generation_entry_with_doi_journal_ref_and_comment()
    {
        var feed = ApiFeedParser.Parse(ArxivFixtures.Read("api/real-current-2202.12139-search.xml"), "search");
        Assert.Equal(214881, feed.TotalResults);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("2202.12139", entry.Id.Value);
        Assert.Equal(1, entry.Version);
        Assert.Equal("Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques", ArxivText.Title(entry.Title));
        Assert.Equal(["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"], entry.Authors);
        Assert.Equal("cs.SE", entry.PrimaryCategory);
        Assert.Equal(["cs.SE", "cs.LG"], entry.Categories);
        Assert.Equal("https://arxiv.org/pdf/2202.12139v1", entry.PdfUrl);
        Assert.Equal(new DateTimeOffset(2022, 2, 24, 15, 5, 19, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Current_generation_paragraph_break_becomes_three_spaces()
    {
        var entry = Assert.Single(ApiFeedParser.Parse(ArxivFixtures.Read("api/real-current-2104.11069-entry.xml"), "x").Entries);
        var text = ArxivText.Abstract(entry.Summary);
        Assert.Contains("other possible approaches.   We consider that the presented algorithm", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.Equal("Sébastien Lafond", entry.Authors[2]);
    }

    [Fact]
    public void Classic_generation_with_inline_namespaces_wrapped_title_and_indented_summary()
    {
        var feed = ApiFeedParser.Parse(ArxivFixtures.Read("api/real-classic-manual-hep-ex-0307015.xml"), "manual");
        Assert.Equal(1000, feed.TotalResults);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("hep-ex/0307015", entry.Id.Value);
        Assert.Equal(0, entry.Version); // the manual's example id carries no version
        Assert.Equal("Multi-Electron Production at High Transverse Momenta in ep Collisions at  HERA", ArxivText.Title(entry.Title));
        var summary = ArxivText.Abstract(entry.Summary);
        Assert.StartsWith("Multi-electron production is studied at high electron transverse momentum in positron-", summary, StringComparison.Ordinal);
        Assert.EndsWith("of 0.30 \\pm 0.04 and 0.23 \\pm 0.04, respectively.", summary, StringComparison.Ordinal);
        Assert.Equal("hep-ex", entry.PrimaryCategory);
        Assert.Equal(new DateTimeOffset(2003, 7, 7, 13, 46, 39, TimeSpan.FromHours(-4)), entry.Published);
        Assert.Equal("http://arxiv.org/pdf/hep-ex/0307015v1", entry.PdfUrl);
    }

    [Fact]
    public void Error_entries_of_both_generations_are_errors_not_papers()
    {
        var classic = ApiFeedParser.Parse(ArxivFixtures.Read("api/real-classic-manual-error.xml"), "c");
        Assert.Empty(classic.Entries);
        Assert.Equal("incorrect id format for 1234.12345", Assert.Single(classic.Errors).Message);
        var current = ApiFeedParser.Parse(ArxivFixtures.Read("api/real-current-error-abc-400.xml"), "c");
        Assert.Equal("https://arxiv.org/api/errors#incorrect_id_format_for_abc", Assert.Single(current.Errors).Id);
        var empty = ApiFeedParser.Parse(ArxivFixtures.Read("api/real-current-empty-0000.0000.xml"), "e");
        Assert.Equal(0, empty.TotalResults);
        Assert.Empty(empty.Entries);
    }

    [Fact]
    public void A_real_paper_titled_Error_is_still_a_paper()
    {
        var xml = ArxivFixtures.Read("api/real-current-2202.12139-search.xml")
            .Replace("<title>Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques</title>", "<title>Error</title>", StringComparison.Ordinal);
        var feed = ApiFeedParser.Parse(xml, "x");
        Assert.Equal("Error", Assert.Single(feed.Entries).Title);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Entries_are_matched_by_id_never_by_position()
    {
        var feed = ApiFeedParser.Parse(SyntheticApi.Feed(["2010.00001", "2010.00002", "2010.00003"]), "x");
        Assert.Equal(["2010.00003", "2010.00002", "2010.00001"], feed.Entries.Select(e => e.Id.Value)); // reversed by the fake
        var result = ArxivApiClient.Match(SyntheticApi.Ids(4), feed);
        Assert.All(result.Found, pair => Assert.Equal($"Paper {pair.Key}", pair.Value.Title));
        Assert.Equal(["2010.00004"], result.Unknown.Select(i => i.Value));
    }

    [Theory]
    [InlineData("Explicit\n  Constraints", "Explicit  Constraints")]
    [InlineData("One line", "One line")]
    [InlineData("  padded\n", "padded")]
    public void Title_keeps_the_indentation_and_drops_the_line_break(string raw, string expected) => Assert.Equal(expected, ArxivText.Title(raw));

    [Theory]
    [InlineData("  First line\nsecond line.\n", "First line second line.")]
    [InlineData("Para one.\n  Para two.", "Para one.   Para two.")]
    [InlineData("  a\r\nb\n", "a b")]
    public void Abstract_is_trimmed_and_every_line_break_is_one_space(string raw, string expected) => Assert.Equal(expected, ArxivText.Abstract(raw));
}
