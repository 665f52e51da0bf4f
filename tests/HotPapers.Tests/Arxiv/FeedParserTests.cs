using HotPapers.Arxiv;
using HotPapers.Domain;
using Xunit;

namespace HotPapers.Tests.Arxiv;

/// <summary>Acceptance 4: the daily feeds (RSS 2.0 and Atom, namespaces on the root or inline) and OAI-PMH pages.</summary>
public sealed class FeedParserTests
{
    [Fact]
    public void Rss_items_carry_id_version_announce_type_categories_and_authors()
    {
        var day = RssFeedParser.Parse(ArxivFixtures.Read("rss/cs-2020-10-27.rss.xml"), "cs.rss");
        Assert.Equal(new DateOnly(2020, 10, 27), day.Date);
        Assert.Equal(["2010.13581", "2010.13154", "2009.01234", "2203.01250"], day.Items.Select(i => i.Id.Value));
        Assert.Equal([AnnouncementKind.New, AnnouncementKind.Cross, AnnouncementKind.Replace, AnnouncementKind.ReplaceCross], day.Items.Select(i => i.Kind));
        Assert.Equal([1, 1, 2, 3], day.Items.Select(i => i.Version));
        Assert.Equal([true, true, false, false], day.Items.Select(i => i.IsNewPaper));
        Assert.Equal(["cs.LG", "math.DS", "physics.comp-ph", "physics.data-an", "stat.ML"], day.Items[0].Subjects.Select(s => s.Code));
        Assert.Equal(["Marc Finzi", "Ke Alexander Wang", "Andrew Gordon Wilson"], day.Items[0].Authors);
        Assert.Equal("Simplifying Hamiltonian and Lagrangian Neural Networks via Explicit Constraints", day.Items[0].Title);
        Assert.Null(day.Items[0].HasPdf);
        // Affiliations hold commas; a collaboration comes with a leading space.
        Assert.Equal(["ATLAS Collaboration", "Ada Example (Univ. A, Dept. B)", "Bo Sample Jr"], day.Items[2].Authors);
    }

    [Fact]
    public void Atom_feed_with_inline_namespace_declarations_and_other_prefixes_reads_the_same()
    {
        var day = RssFeedParser.Parse(ArxivFixtures.Read("rss/stat.ML-2020-10-27.atom.xml"), "stat.ML.atom");
        Assert.Equal(new DateOnly(2020, 10, 27), day.Date);
        Assert.Equal(["2010.13581", "2010.13483", "2006.05555"], day.Items.Select(i => i.Id.Value));
        Assert.Equal([AnnouncementKind.Cross, AnnouncementKind.Cross, AnnouncementKind.Replace], day.Items.Select(i => i.Kind));
        Assert.Equal(4, day.Items[2].Version);
        // dc:creator declared inline under the prefix 'dc', and as a default namespace on the element itself.
        Assert.Equal(["Marc Finzi", "Ke Alexander Wang", "Andrew Gordon Wilson"], day.Items[0].Authors);
        Assert.Equal(["Kai Ploeger", "Michael Lutter", "Jan Peters"], day.Items[1].Authors);
        Assert.Equal(["cs.RO", "cs.LG", "stat.ML"], day.Items[1].Subjects.Select(s => s.Code));
    }

    [Fact]
    public void An_element_with_the_right_prefix_but_another_namespace_is_not_taken_for_announce_type()
    {
        var xml = ArxivFixtures.Read("rss/cs-2020-10-27.rss.xml")
            .Replace("xmlns:arxiv=\"http://arxiv.org/schemas/atom\"", "xmlns:arxiv=\"http://example.org/not-arxiv\"", StringComparison.Ordinal);
        // Without the arXiv namespace the type falls back to the description prefix, which still says the truth.
        var day = RssFeedParser.Parse(xml, "cs.rss");
        Assert.Equal([AnnouncementKind.New, AnnouncementKind.Cross, AnnouncementKind.Replace, AnnouncementKind.ReplaceCross], day.Items.Select(i => i.Kind));
        var noPrefix = xml.Replace("Announce Type: ", "Kind: ", StringComparison.Ordinal);
        var error = Assert.Throws<ArxivFormatException>(() => RssFeedParser.Parse(noPrefix, "cs.rss"));
        Assert.Contains("cs.rss: line", error.Message, StringComparison.Ordinal);
        Assert.Contains("no known announce_type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oai_page_with_a_resumption_token_and_the_last_page_with_an_empty_one()
    {
        var first = OaiPmhParser.Parse(ArxivFixtures.Read("oai/cs-2020-10-27-page1.xml"), "page1");
        Assert.Equal("verb%3DListRecords%26metadataPrefix%3DarXiv%26set%3Dcs%26from%3D2020-10-27%26until%3D2020-10-27%26skip%3D2", first.ResumptionToken);
        Assert.Equal(["2010.13581", "2008.07777"], first.Records.Select(r => r.Id.Value));
        var paper = first.Records[0];
        Assert.Equal("Simplifying Hamiltonian and Lagrangian Neural Networks via Explicit\n  Constraints", paper.Title);
        Assert.Equal("Simplifying Hamiltonian and Lagrangian Neural Networks via Explicit  Constraints", ArxivText.Title(paper.Title));
        Assert.Equal(["Marc Finzi", "Ke Alexander Wang", "Andrew Gordon Wilson"], paper.Authors);
        Assert.Equal(["cs.LG", "math.DS", "physics.comp-ph", "physics.data-an", "stat.ML"], paper.Categories);
        Assert.Equal(new DateOnly(2020, 10, 26), paper.Created);
        Assert.False(paper.IsReplacement);
        Assert.True(first.Records[1].IsReplacement);
        Assert.Equal(["Ada Example Jr"], first.Records[1].Authors);

        // Every element under an 'oai:' prefix and the metadata under 'ax:': the same names to a namespace-aware reader.
        var last = OaiPmhParser.Parse(ArxivFixtures.Read("oai/cs-2020-10-27-page2.xml"), "page2");
        Assert.Null(last.ResumptionToken);
        Assert.Equal(["2010.13154", "2010.00001"], last.Records.Select(r => r.Id.Value));
        Assert.Equal(["eess.AS", "cs.LG", "cs.SD", "eess.SP"], last.Records[0].Categories);
        Assert.Equal(["Cem Subakan", "Mirco Ravanelli"], last.Records[0].Authors);
        Assert.True(last.Records[1].Deleted);
    }

    [Fact]
    public void Oai_arXivRaw_record_and_error_answers()
    {
        var raw = OaiPmhParser.Parse(ArxivFixtures.Read("oai/arXivRaw-1304.4214.xml"), "raw");
        var record = Assert.Single(raw.Records);
        Assert.Equal("1304.4214", record.Id.Value);
        Assert.Equal(["Igor A. Zaliznyak", "John M. Tranquada"], record.Authors);
        Assert.Equal(new DateOnly(2013, 4, 15), record.Created);
        Assert.Equal(1, record.Versions);
        Assert.StartsWith("  Neutron scattering is a powerful probe", record.Abstract, StringComparison.Ordinal);

        var none = OaiPmhParser.Parse(ArxivFixtures.Read("oai/error-noRecordsMatch.xml"), "err");
        Assert.Equal("noRecordsMatch", none.ErrorCode);
        Assert.Empty(none.Records);
    }

    [Fact]
    public void Oai_sets_for_targets()
    {
        Assert.Equal("cs", ArxivTargets.OaiSet("cs"));
        Assert.Equal("stat:stat:ML", ArxivTargets.OaiSet("stat.ML"));
        Assert.Equal("physics:hep-th", ArxivTargets.OaiSet("hep-th"));
        Assert.Equal("physics:astro-ph:IM", ArxivTargets.OaiSet("astro-ph.IM"));
        Assert.True(ArxivTargets.Contains("cs", "cs.LG"));
        Assert.False(ArxivTargets.Contains("cs", "cond-mat.str-el"));
        Assert.False(ArxivTargets.Contains("stat.ML", "stat.ME"));
    }
}
